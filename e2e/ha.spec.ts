import { expect, test } from './fixtures';

/**
 * The ha lab: `systemctl stop keepalived` typed in director1's terminal moves the MASTER badge
 * on the topology to director2, and the event list says so, in English and in 简体中文.
 */
for (const [lang, words] of [
  ['en', { tab: 'director1', vip: 'director2 takes the VIP 192.168.99.188 on eth0' }],
  ['zh-CN', { tab: 'director1', vip: 'director2 在 eth0 上接管 VIP 192.168.99.188' }],
] as const) {
  test(`${lang}: stopping keepalived on director1 moves the MASTER badge and the event list shows the takeover`, async ({
    lab,
    api,
    page,
  }) => {
    await lab.open('ha', `?paused=1&lang=${lang}`);
    const badge = lab.topology.locator('.vrrp-master');
    await expect(badge).toHaveCount(1);
    await expect(badge).toHaveAttribute('data-master', 'director1');
    await page.getByRole('tab', { name: words.tab }).click();
    const term = page.locator('.host-terminal[data-host="director1"]');
    await expect(term.locator('.xterm-rows')).toContainText('[root@director1 ~]#');
    await term.locator('.xterm-screen').click();
    const ended = (await api.find('cmd.end', { host: 'director1' })).length;
    // The stop returns at once; the sleep lets the virtual time of the takeover pass.
    await page.keyboard.type('systemctl stop keepalived; sleep 3');
    await page.keyboard.press('Enter');
    // Wait for the command to end (the cursor follows the live end until then).
    await expect
      .poll(async () => (await api.find('cmd.end', { host: 'director1' })).length, { timeout: 20_000 })
      .toBe(ended + 1);
    // …and for playback to reach the end and stop, so it does not carry the cursor past the seek.
    await expect.poll(async () => (await api.state()).playing, { timeout: 20_000 }).toBe(false);
    const [taken] = await api.find('vrrp.vip', { host: 'director2', action: 'add' });
    await api.seek(taken! + 1);
    await expect(badge).toHaveCount(1);
    await expect(badge).toHaveAttribute('data-master', 'director2');
    const row = lab.events.locator(`.event-row[data-seq="${taken}"]`);
    await expect(row.locator('.event-text')).toHaveText(words.vip);
    // Stepping back before the stop puts the badge back on director1.
    const [stopped] = await api.find('vrrp.state', { host: 'director1', from: 'MASTER' });
    await api.seek(stopped!);
    await expect(badge).toHaveAttribute('data-master', 'director1');
  });
}
