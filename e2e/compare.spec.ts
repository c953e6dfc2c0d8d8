import { expect, test } from './fixtures';

test('NAT vs DR side by side: the same requests, and the NAT director carries more', async ({
  api,
  page,
}) => {
  await page.goto('?view=compare');
  await api.ready();
  await expect(page.locator('.compare-pane')).toHaveCount(2);
  await page.getByRole('button', { name: 'Send 10 to both' }).click();
  const nat = await page.evaluate(() => window.__lvsLab!.pane('nat').state());
  const dr = await page.evaluate(() => window.__lvsLab!.pane('dr').state());
  expect(nat.log).toEqual([
    { host: 'client', command: 'for i in $(seq 10); do curl -s 172.16.132.18; done' },
  ]);
  expect(dr.log).toEqual([
    { host: 'client', command: 'for i in $(seq 10); do curl -s 192.168.99.188; done' },
  ]);
  const bytes = async (lab: string) => {
    const t = await page.locator(`.compare-pane[data-lab="${lab}"] [data-counter="tx"]`).innerText();
    return t;
  };
  expect(await bytes('nat')).toMatch(/packets/);
  const note = page.locator('.load-note');
  await expect(note).toContainText('The NAT director carried');
  const ratio = Number(/([\d.]+)×/.exec(await note.innerText())![1]);
  expect(ratio).toBeGreaterThan(1.5);
});
