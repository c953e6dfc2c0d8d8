import type { Page } from '@playwright/test';
import { expect, LabApi, test } from './fixtures';
import { LabPage } from './pages/LabPage';

/** The commands of the saved main lab, decoded from localStorage as the app wrote them. */
function savedCommands(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('lvs-lab.state');
    const lab = raw ? (JSON.parse(raw) as { state?: { lab?: string } }).state?.lab : undefined;
    const body = lab?.split('.')[4];
    if (!body) return [];
    const b64 = body.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const text = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    return (JSON.parse(text) as [unknown, string][]).map((row) => row[1]);
  });
}

const commands = async (api: LabApi) => (await api.state()).log.map((e) => e.command);
const WRR = 'ipvsadm -E -t 172.16.132.18:80 -s wrr';
const NOTE = /also open in another tab/;

test('two tabs on one lab: the second is told before anything is lost, and both keep their work', async ({
  lab,
  api,
  page,
  context,
}) => {
  await lab.open('nat', '?paused=1');
  await api.call('run', 'director', WRR);
  await expect.poll(() => savedCommands(page)).toEqual([WRR]);

  const pageB = await context.newPage();
  const apiB = new LabApi(pageB);
  await new LabPage(pageB, apiB).open('nat', '?paused=1');
  // B opened the saved work, and is told at once that it no longer saves over it.
  expect(await commands(apiB)).toEqual([WRR]);
  await expect(pageB.getByRole('alert').filter({ hasText: NOTE })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: NOTE })).toHaveCount(0);
  // Its address now records it as its own (link) session; wait for that write before acting.
  await expect
    .poll(() => pageB.evaluate(() => JSON.parse(sessionStorage.getItem('lvs-lab.ownUrl') ?? '{}').mode))
    .toBe('link');
  const hashBefore = await pageB.evaluate(() => location.hash);

  await api.call('run', 'client', 'curl -s 172.16.132.18');
  await apiB.call('run', 'director', 'ipvsadm -Ln');
  expect(await commands(api)).toEqual([WRR, 'curl -s 172.16.132.18']);
  expect(await commands(apiB)).toEqual([WRR, 'ipvsadm -Ln']);
  // The saved work is A's, and B's later activity does not overwrite it.
  await expect.poll(() => savedCommands(page)).toEqual([WRR, 'curl -s 172.16.132.18']);
  await expect.poll(() => pageB.evaluate(() => location.hash)).not.toBe(hashBefore);
  expect(await savedCommands(page)).toEqual([WRR, 'curl -s 172.16.132.18']);

  // Both keep their work across reloads: A from the saved work, B from its own address.
  await pageB.reload();
  await apiB.ready();
  expect(await commands(apiB)).toEqual([WRR, 'ipvsadm -Ln']);
  await page.reload();
  await api.ready();
  expect(await commands(api)).toEqual([WRR, 'curl -s 172.16.132.18']);
  // A, reloaded while B is open, still owns the saved work: it is not told anything.
  await expect(page.getByRole('alert').filter({ hasText: NOTE })).toHaveCount(0);
  await api.seek((await api.state()).traceLength); // at the end: acting in the past would fork
  await api.call('run', 'director', 'ipvsadm -Ln --stats');
  await expect.poll(() => savedCommands(page)).toEqual([WRR, 'curl -s 172.16.132.18', 'ipvsadm -Ln --stats']);
});

test('the second tab is told in Chinese too', async ({ lab, page, context }) => {
  await lab.open('dr', '?paused=1&lang=zh-CN');
  const pageB = await context.newPage();
  const apiB = new LabApi(pageB);
  await new LabPage(pageB, apiB).open('dr', '?paused=1&lang=zh-CN');
  await expect(pageB.getByRole('alert').filter({ hasText: '此实验已在另一个标签页中打开' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '此实验已在另一个标签页中打开' })).toHaveCount(0);
});
