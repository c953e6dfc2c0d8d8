import { expect, test } from './fixtures';

test('DR: arp_ignore back to 0 through the controls: a real server answers ARP for the VIP, the director sees nothing', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('dr', '?paused=1');
  await lab.tab('Controls').click();
  const host = lab.inspector.getByRole('combobox', { name: 'Host', exact: true });
  for (const rs of ['rs1', 'rs2']) {
    await host.selectOption(rs);
    for (const scope of ['all', 'lo']) {
      await page.getByRole('combobox', { name: `arp_ignore on ${scope} (${rs})` }).selectOption('0');
    }
  }
  const log = (await api.state()).log;
  expect(log).toEqual([
    { host: 'rs1', command: 'sysctl -w net.ipv4.conf.all.arp_ignore=0' },
    { host: 'rs1', command: 'sysctl -w net.ipv4.conf.lo.arp_ignore=0' },
    { host: 'rs2', command: 'sysctl -w net.ipv4.conf.all.arp_ignore=0' },
    { host: 'rs2', command: 'sysctl -w net.ipv4.conf.lo.arp_ignore=0' },
  ]);
  // The commands are in the real servers' terminals too.
  await page.getByRole('tab', { name: 'rs2' }).click();
  await expect(page.locator('.host-terminal[data-host="rs2"] .xterm-rows')).toContainText(
    'sysctl -w net.ipv4.conf.lo.arp_ignore=0',
  );

  const start = (await api.state()).traceLength;
  await lab.sendButton.click();
  await api.seek(Number.MAX_SAFE_INTEGER);

  // The trace says which real servers answered; the event list, filtered to ARP on one of them, says so too.
  const replies = await api.trace(start);
  const answers = [
    ...new Set(
      replies
        .filter((e) => e.kind === 'arp.decide' && e.tip === '192.168.99.188' && e.verdict === 'reply')
        .map((e) => String(e.host)),
    ),
  ].filter((h) => h.startsWith('rs'));
  expect(answers.length).toBeGreaterThan(0);
  await lab.events.getByRole('button', { name: 'ARP', exact: true }).click();
  await lab.events.getByRole('combobox', { name: 'Host' }).selectOption(answers[0]!);
  await expect(
    lab.events.locator('.event-row', { hasText: `${answers[0]} answers ARP for 192.168.99.188` }).first(),
  ).toBeVisible();
  await lab.events
    .locator('.event-row', { hasText: `answers ARP for 192.168.99.188` })
    .first()
    .locator('button')
    .click();
  await expect(lab.events.locator('.event-detail')).toContainText('arp_ignore=0');

  // The director never schedules the request: the router sends it straight to the real server.
  expect(await api.find('ipvs.schedule', {}, start)).toEqual([]);
  const directorTcp = (await api.trace(start)).filter(
    (e) => e.kind === 'frame.rx' && e.host === 'director' && e.pkt !== null,
  );
  expect(directorTcp).toEqual([]);
  await lab.events.getByRole('button', { name: 'ARP', exact: true }).click();
  await lab.events.getByRole('combobox', { name: 'Host' }).selectOption('director');
  await lab.events.getByRole('button', { name: 'IPVS', exact: true }).click();
  await expect(lab.events.locator('.event-row', { hasText: 'picks' })).toHaveCount(0);
});
