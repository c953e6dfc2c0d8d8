import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Type a command into a host's terminal as a student does, and wait for the next (empty) prompt. */
export async function typeCommand(page: Page, host: string, command: string): Promise<string> {
  await page.getByRole('tab', { name: host, exact: true }).click();
  const term = page.locator(`.host-terminal[data-host="${host}"]`);
  const rows = term.locator('.xterm-rows');
  await expect(rows).toContainText(`[root@${host} ~]#`);
  await term.locator('.xterm-screen').click();
  await page.keyboard.type(command);
  await expect(rows).toContainText(command.slice(-20));
  await page.keyboard.press('Enter');
  const lastLine = async () => {
    const lines = (await rows.innerText()).split('\n').filter((l) => l.trim() !== '');
    return lines[lines.length - 1]?.trim() ?? '';
  };
  await expect.poll(lastLine).toBe(`[root@${host} ~]#`);
  return rows.innerText();
}
