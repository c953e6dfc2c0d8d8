import { expect, test } from './fixtures';

test('a real terminal per host: type a command, see its output, history, Ctrl-C', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('nat', '?paused=1');
  await page.getByRole('tab', { name: 'director' }).click();
  const term = page.locator('.host-terminal[data-host="director"]');
  await expect(term.locator('.xterm-rows')).toContainText('[root@director ~]#');
  await term.locator('.xterm-screen').click();
  await page.keyboard.type('ipvsadm -Ln');
  await page.keyboard.press('Enter');
  await expect(term.locator('.xterm-rows')).toContainText('TCP  172.16.132.18:80 rr');
  expect((await api.state()).log).toEqual([{ host: 'director', command: 'ipvsadm -Ln' }]);
  // ↑ brings the command back; Ctrl-C abandons it.
  await page.keyboard.press('ArrowUp');
  await expect(term.locator('.xterm-rows')).toContainText('# ipvsadm -Ln', { useInnerText: true });
  await page.keyboard.press('Control+c');
  await expect(term.locator('.xterm-rows')).toContainText('^C');
  expect((await api.state()).log).toHaveLength(1);
  // A multi-line construct continues with "> " until complete.
  await page.keyboard.type('for i in 1 2; do');
  await page.keyboard.press('Enter');
  await page.keyboard.type('echo hop$i; done');
  await page.keyboard.press('Enter');
  await expect(term.locator('.xterm-rows')).toContainText('hop2');
  expect((await api.state()).log[1]!.command).toBe('for i in 1 2; do\necho hop$i; done');
});

test('the terminal takes pasted text', async ({ lab, api, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await lab.open('dr', '?paused=1');
  await page.getByRole('tab', { name: 'rs1' }).click();
  const term = page.locator('.host-terminal[data-host="rs1"]');
  await term.locator('.xterm-screen').click();
  await page.evaluate(() => navigator.clipboard.writeText('sysctl net.ipv4.conf.all.arp_ignore\n'));
  await page.keyboard.press('Control+Shift+V');
  await expect(term.locator('.xterm-rows')).toContainText('net.ipv4.conf.all.arp_ignore = 1');
  expect((await api.state()).log).toEqual([{ host: 'rs1', command: 'sysctl net.ipv4.conf.all.arp_ignore' }]);
});
