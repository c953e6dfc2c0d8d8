import type { Browser, Page } from '@playwright/test';
import { expect, LabApi, test } from './fixtures';
import { typeCommand } from './pages/terminal';

type State = Awaited<ReturnType<LabApi['state']>> & { scheme: string };

/** A page in a fresh browser profile (its own storage), English unless a link says otherwise. */
async function freshPage(
  browser: Browser,
  baseURL: string,
): Promise<{ page: Page; api: LabApi; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    if (!localStorage.getItem('lvs-lab.lang')) localStorage.setItem('lvs-lab.lang', 'en');
  });
  return { page, api: new LabApi(page), close: () => context.close() };
}

test('share round trip: two terminals, a request, a step back; the link opens the same lab elsewhere and keeps saved work', async ({
  lab,
  api,
  page,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000); // three browser profiles in one story
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await lab.open('nat', '?paused=1');
  await typeCommand(page, 'director', 'ipvsadm -Ln --stats');
  await typeCommand(page, 'rs1', 'ip addr show eth0');
  await lab.sendButton.click();
  await lab.stepForward.click();
  await lab.stepForward.click();
  await lab.stepBack.click();
  await page.getByRole('combobox', { name: 'Colours' }).selectOption('dark');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const before = (await api.state()) as State;
  expect(before.log.map((e) => e.host)).toEqual(['director', 'rs1', 'client']);

  await page.getByRole('button', { name: '分享' }).click();
  const field = page.getByRole('textbox', { name: '分享链接' });
  await expect(field).toHaveValue(/#state=v2\./);
  const link = await field.inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // A fresh browser profile: same log, cursor, language and scheme.
  const other = await freshPage(browser, baseURL!);
  await other.page.goto(link);
  await other.api.ready();
  await expect(other.page.getByRole('heading', { level: 1 })).toHaveText('LVS 实验室');
  const opened = (await other.api.state()) as State;
  expect(opened.log).toEqual(before.log);
  expect(opened.cursor).toBe(before.cursor);
  expect(opened.simTime).toBe(before.simTime);
  expect(opened.language).toBe('zh-CN');
  expect(opened.scheme).toBe('dark');
  await expect(other.page.locator('html')).toHaveAttribute('data-scheme', 'dark');
  await other.close();

  // A profile with saved work in the same lab: the link opens beside it, never over it.
  const mine = await freshPage(browser, baseURL!);
  await mine.page.goto('?lab=nat&paused=1');
  await mine.api.ready();
  await mine.api.call('run', 'director', 'ipvsadm -E -t 172.16.132.18:80 -s wlc');
  const saved = await mine.api.state();
  await mine.page.waitForTimeout(600); // the saved state and the address bar are written debounced
  await mine.page.goto(link);
  await mine.api.ready();
  expect((await mine.api.state()).log).toEqual(before.log);
  const back = mine.page.getByRole('link', { name: '回到我保存的实验' });
  await expect(back).toBeVisible();
  // Reloading the link's page is not opening it again: still the link's session, saved work untouched.
  await mine.page.reload();
  await mine.api.ready();
  expect((await mine.api.state()).log).toEqual(before.log);
  await mine.page.getByRole('link', { name: '回到我保存的实验' }).click();
  await expect.poll(async () => (await mine.api.state()).log).toEqual(saved.log);
  await mine.close();
});
