import { expect, test } from './fixtures';
import type { LabPage } from './pages/LabPage';

const VIP = { nat: '172.16.132.18', dr: '192.168.99.188', tun: '192.168.99.188' } as const;

/** What the topology and the inspector show: compared before and after a round trip of steps. */
async function picture(lab: LabPage) {
  return {
    cursor: (await lab.api.state()).cursor,
    packet: await lab.packet.innerText(),
    glyphs: await lab.topology
      .locator('.frame-glyph')
      .evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-frame')}@${g.getAttribute('transform')}`)),
    lit: await lab.topology.locator('.hook-cell.lit').count(),
  };
}

for (const labId of ['nat', 'dr', 'tun'] as const) {
  test(`${labId}: send a request, step through it, see the director's rewrite, step back exactly`, async ({
    lab,
    api,
  }) => {
    await lab.open(labId, '?paused=1');
    await lab.sendButton.click();
    const s0 = await api.state();
    expect(s0.log).toEqual([{ host: 'client', command: `curl -s ${VIP[labId]}` }]);
    expect(s0.playing).toBe(false);
    await lab.stepForward.click();
    await expect.poll(async () => (await api.state()).cursor).toBe(s0.cursor + 1);

    await lab.seekToDirectorRewrite();
    const rewrite = lab.packet.locator('.rewrite-summary');
    if (labId === 'nat') {
      await expect(rewrite).toHaveAttribute('data-rewrite', 'masq');
      await expect(lab.field('ip.dst').locator('del')).toHaveText('172.16.132.18');
      await expect(lab.field('ip.dst').locator('ins')).toHaveText(/^192\.168\.99\.1[34]0$/);
      await expect(lab.field('l4.dport').locator('ins')).toHaveText('888');
    } else if (labId === 'dr') {
      await expect(rewrite).toHaveAttribute('data-rewrite', 'route');
      await expect(lab.field('eth.dst')).toHaveClass(/changed/);
      await expect(lab.field('eth.dst').locator('ins')).toHaveText(/^52:54:00:00:0[45]:00$/);
      await expect(lab.field('ip.dst')).not.toHaveClass(/changed/);
      await expect(lab.field('ip.dst')).toContainText('192.168.99.188');
      await expect(rewrite).toContainText('Source and destination IP are unchanged');
    } else {
      await expect(rewrite).toHaveAttribute('data-rewrite', 'tunnel');
      await expect(lab.packet.locator('.layer-outer')).toHaveClass(/layer-added/);
      await expect(lab.field('outer.src')).toContainText('192.168.99.120');
      await expect(lab.field('outer.dst')).toContainText(/10\.10\.[12]\.10/);
      await expect(lab.field('outer.proto')).toContainText('4');
      await expect(lab.field('ip.dst')).toContainText('192.168.99.188');
    }

    // Step forward until the picture changes, then back the same number of steps: identical.
    const before = await picture(lab);
    for (let i = 0; i < 6; i++) await lab.stepForward.click();
    await expect.poll(async () => (await api.state()).cursor).toBe(before.cursor + 6);
    expect((await picture(lab)).cursor).not.toBe(before.cursor);
    for (let i = 0; i < 6; i++) await lab.stepBack.click();
    await expect.poll(async () => (await api.state()).cursor).toBe(before.cursor);
    // The inspector follows a moving cursor a few frames late (it settles after rapid steps).
    await expect.poll(() => picture(lab)).toEqual(before);

    // On to the reply arriving at the client.
    const trace = await api.trace();
    const reply = trace.find(
      (e) => e.kind === 'frame.tx' && JSON.stringify(e.eth).includes('HTTP/1.1 200 OK'),
    )!;
    const arrival = trace.find((e) => e.kind === 'frame.rx' && e.host === 'client' && e.pkt === reply.pkt)!;
    await api.seek((arrival.seq as number) + 1);
    await expect(lab.packet.locator('.layer-payload')).toContainText('HTTP/1.1 200 OK');
    await expect(lab.field('ip.src')).toContainText(VIP[labId]);
    if (labId === 'nat')
      await expect(lab.packet.locator('.rewrite-summary')).toHaveAttribute('data-rewrite', 'snat');
  });
}

test('clicking a moving frame pins it in the inspector', async ({ lab, api }) => {
  await lab.open('nat', '?paused=1');
  await api.send();
  const [tx] = await api.find('frame.tx', { host: 'client' }, (await api.state()).cursor - 1);
  const e = (await api.trace(tx!, tx! + 1))[0]!;
  await api.call('seekTime', (e.t as number) + 40);
  const glyph = lab.topology.locator(`.frame-glyph[data-frame="${e.frame as string}"]`);
  await glyph.click();
  await expect(lab.packet).toHaveAttribute('data-frame', e.frame as string);
  await expect(lab.page.getByRole('button', { name: 'Follow playback' })).toBeVisible();
});

test('a drop is shown where it happens, with its reason', async ({ lab, api }) => {
  await lab.open('tun', '?paused=1');
  for (const rs of ['rs1', 'rs2']) await api.call('run', rs, 'ip link set tunl0 down');
  await api.call('run', 'client', 'curl -s --max-time 1 192.168.99.188');
  const [drop] = await api.find('drop', { reason: 'tunnel-down' });
  await api.seek(drop! + 1);
  const mark = lab.topology.locator(`.drop-mark[data-drop="${drop}"]`);
  await expect(mark).toBeVisible();
  await expect(mark).toContainText('tunl0 is down');
  await lab.events.getByRole('button', { name: 'Drops', exact: true }).click();
  await expect(lab.events.locator('.event-row').first()).toContainText('drops');
});
