import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Type a command into a host's terminal as a student does, and wait for the next prompt. */
export async function typeCommand(page: Page, host: string, command: string): Promise<string> {
  await page.getByRole('tab', { name: host, exact: true }).click();
  const term = page.locator(`.host-terminal[data-host="${host}"]`);
  const rows = term.locator('.xterm-rows');
  await expect(rows).toContainText(`[root@${host} ~]#`);
  const prompts = async () => ((await rows.innerText()).match(/\[root@[^\]]+\]#/g) ?? []).length;
  const before = await prompts();
  await term.locator('.xterm-screen').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await expect.poll(prompts).toBeGreaterThan(before);
  return rows.innerText();
}
