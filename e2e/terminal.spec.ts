import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { LabPage } from './pages/LabPage';

/** The NAT lab, paused, with the director's terminal open at its prompt. */
async function directorTerminal(lab: LabPage, page: Page) {
  await lab.open('nat', '?paused=1');
  await page.getByRole('tab', { name: 'director' }).click();
  const term = page.locator('.host-terminal[data-host="director"]');
  await expect(term.locator('.xterm-rows')).toContainText('[root@director ~]#');
  return term;
}

test('a real terminal per host: type a command, see its output, history, Ctrl-C', async ({
  lab,
  api,
  page,
}) => {
  const term = await directorTerminal(lab, page);
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
  // What was typed stays as typed, continuation prompt and all, once: the output is appended
  // below it, not the whole terminal drawn again.
  const text = (await term.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' ');
  expect(text.match(/# for i in 1 2; do/g)).toHaveLength(1);
  expect(text).toContain('> echo hop$i; done');
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

test('a long-running command runs with playback until Ctrl-C, and reload replays it exactly', async ({
  lab,
  api,
  page,
}) => {
  const loop = 'while true;do curl 172.16.132.18 ; sleep 0.5 ; done';
  await lab.open('nat', '?paused=1');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('50');
  await page.getByRole('tab', { name: 'client' }).click();
  const term = page.locator('.host-terminal[data-host="client"]');
  const rows = term.locator('.xterm-rows');
  await expect(rows).toContainText('[root@client ~]#');
  await term.locator('.xterm-screen').click();
  await page.keyboard.type(loop);
  // The running notice must not resize the terminal (xterm would reflow its whole scrollback).
  const box = term.locator('.xterm-box');
  const before = await box.boundingBox();
  await page.keyboard.press('Enter');
  const running = page.getByRole('status').locator('.terminal-running-text');
  await expect(running).toHaveText(/^A command is running on client/);
  await expect(running).toBeVisible();
  expect(await box.boundingBox()).toEqual(before);
  // The responses arrive one after another as virtual time passes with playback.
  const responses = async () => ((await rows.innerText()).match(/rs[12]/g) ?? []).length;
  await expect.poll(responses, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  expect((await api.state()).log).toEqual([]);
  await page.keyboard.press('Control+c');
  await expect(rows).toContainText('^C');
  await expect(running).toHaveText('');
  await expect.poll(async () => (await rows.innerText()).trimEnd().endsWith('[root@client ~]#')).toBe(true);
  const { log } = await api.state();
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ host: 'client', command: loop });
  expect(log[0]!.maxTimeUs).toBeGreaterThan(0);
  expect((await api.find('ipvs.schedule')).length).toBeGreaterThanOrEqual(2);
  const trace = await api.trace();
  await page.reload();
  await api.ready();
  expect((await api.state()).log).toEqual(log);
  expect(await api.trace()).toEqual(trace);
});

test('a command run from elsewhere lands below the idle prompt as a fresh drawing would show it', async ({
  lab,
  api,
  page,
}) => {
  const rows = (await directorTerminal(lab, page)).locator('.xterm-rows');
  const text = async () => (await rows.innerText()).replace(/\u00a0/g, ' ').trimEnd();
  // Commands run by the test API (as a control runs them), not typed in this terminal.
  await api.call('run', 'director', 'echo first');
  await expect(rows).toContainText('first');
  await api.call('run', 'director', 'echo second');
  await expect(rows).toContainText('second');
  await expect.poll(async () => (await text()).endsWith('[root@director ~]#')).toBe(true);
  const appended = await text();
  // The idle prompt was taken back each time: only the last line is a bare prompt.
  const bare = appended.split('\n').filter((l) => l.trimEnd() === '[root@director ~]#');
  expect(bare).toHaveLength(1);
  // A step back and forth draws the terminal again from the trace: the same text.
  const end = (await api.state()).traceLength;
  await api.seek(0);
  await api.seek(end);
  await expect.poll(text).toBe(appended);
});
