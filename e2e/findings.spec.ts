import { expect, test } from './fixtures';

const VIP = '192.168.99.188';

test('DR with arp_ignore 0 on the real servers: a finding names the server that answered ARP for the VIP and the sysctl, on the topology and in the events, never before it happens', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('dr', '?paused=1');
  for (const rs of ['rs1', 'rs2'])
    for (const scope of ['all', 'lo'])
      await api.call('run', rs, `sysctl -w net.ipv4.conf.${scope}.arp_ignore=0`);
  const start = (await api.state()).traceLength;
  await api.send();
  const replies = (await api.trace(start)).filter(
    (e) =>
      e.kind === 'arp.decide' && e.tip === VIP && e.verdict === 'reply' && String(e.host).startsWith('rs'),
  );
  expect(replies.length).toBeGreaterThan(0);
  const first = replies[0]!;
  const rs = String(first.host);
  const marks = lab.topology.locator('.finding-mark');

  // Just before the real server's reply: nothing is found yet (no spoiler).
  await api.seek(first.seq as number);
  await expect(marks).toHaveCount(0);
  await expect(lab.events.locator('.event-row.has-finding')).toHaveCount(0);

  // At the reply: the topology marks that server, with an accessible name and the why.
  await api.seek((first.seq as number) + 1);
  const mark = lab.topology.getByRole('button', { name: `${rs} answers ARP for the VIP` });
  await expect(mark).toBeVisible();
  const why = await mark.getAttribute('aria-description');
  expect(why).toContain(`${rs} replied`);
  expect(why).toContain(VIP);
  expect(why).toMatch(/net\.ipv4\.conf\.\w+\.arp_ignore = 0/);
  await expect(
    lab.topology.locator(`g[data-host="${rs}"][data-finding="arpVipAnswer"] .finding-outline`),
  ).toHaveCount(1);
  // The director is not marked: it was bypassed, it did nothing wrong.
  await expect(lab.topology.locator('g[data-host="director"][data-finding]')).toHaveCount(0);

  // In the event list: the row of the reply carries the finding, and the detail says why.
  await expect(lab.events.locator(`.event-row[data-seq="${first.seq}"]`)).toContainText(
    `${rs} answers ARP for the VIP`,
  );
  await expect(lab.events.locator('.event-detail .detail-finding')).toContainText('arp_ignore');

  // The Findings chip narrows the list to the events findings are anchored at.
  await api.seek(Number.MAX_SAFE_INTEGER);
  await lab.events.getByRole('button', { name: 'Findings', exact: true }).click();
  const rows = lab.events.locator('.event-row');
  await expect(rows.first()).toBeVisible();
  const kinds = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-finding') ?? ''));
  expect(kinds.length).toBeGreaterThan(0);
  expect(kinds.every((k) => k.length > 0)).toBe(true);

  // Clicking the marker goes to the event where it happened.
  await api.seek(Number.MAX_SAFE_INTEGER);
  const anyMark = marks.first();
  const host = await anyMark.locator('xpath=..').getAttribute('data-host');
  await anyMark.click();
  const st = await api.state();
  const at = (await api.trace(st.cursor - 1, st.cursor))[0]!;
  expect(at.kind).toBe('arp.decide');
  expect(at.host).toBe(host);

  // In Chinese too.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(lab.topology.getByRole('button', { name: `${rs} 应答了 VIP 的 ARP` })).toBeVisible();
});
