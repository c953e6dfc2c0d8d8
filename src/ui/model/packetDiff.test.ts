import { beforeAll, describe, expect, test } from 'vitest';
import { engine, loadEngine } from '@/store/engine';
import { buildHops, previousHop } from './frameHops';
import type { Hop } from './frameHops';
import { diffLayers } from './packetDiff';
import { frameLayers } from './packetLayers';
import { labAfterRequest } from '@/engine/testing/configuredLabs';

beforeAll(loadEngine);

function layersOf(hop: Hop) {
  const bytes = engine().encodeFrame(hop.eth);
  return frameLayers(engine().decodeFrame(bytes), bytes.length);
}

/** The director's first outgoing hop of the client's SYN and the changes against the hop before it. */
async function directorRewrite(labId: 'nat' | 'dr' | 'tun') {
  const rt = labAfterRequest(labId);
  const hops = buildHops(rt.trace);
  const xmit = rt.trace.slice().find((e) => e.kind === 'ipvs.xmit')!;
  const out = hops.hops.find((h) => h.pkt === xmit.pkt && h.host === 'director' && h.seq > xmit.seq)!;
  const prev = previousHop(hops, out)!;
  const changes = diffLayers(layersOf(prev), layersOf(out));
  return { rt, out, prev, changes: new Map(changes.map((c) => [c.path, c])) };
}

describe('the director rewrites, as the inspector marks them', () => {
  test('NAT: destination becomes RIP:888 on the way in', async () => {
    const { changes, rt } = await directorRewrite('nat');
    expect(changes.get('ip.dst')).toMatchObject({
      before: '172.16.132.18',
      after: expect.stringMatching(/^192\.168\.99\.1[34]0$/),
    });
    expect(changes.get('l4.dport')).toMatchObject({ before: '80', after: '888' });
    expect(changes.has('ip.src')).toBe(false);
    // And the reply's source back to the VIP on the way out.
    const hops = buildHops(rt.trace);
    const snat = rt.trace.slice().find((e) => e.kind === 'ipvs.snat')!;
    const back = hops.hops.find((h) => h.pkt === snat.pkt && h.host === 'director' && h.seq > snat.seq)!;
    const c = new Map(diffLayers(layersOf(previousHop(hops, back)!), layersOf(back)).map((x) => [x.path, x]));
    expect(c.get('ip.src')).toMatchObject({ after: '172.16.132.18' });
    expect(c.get('l4.sport')).toMatchObject({ before: '888', after: '80' });
  });

  test('DR: only the destination MAC (and the hop addressing) changes; the IP addresses stay', async () => {
    const { changes, rt } = await directorRewrite('dr');
    const rsMacs = ['rs1', 'rs2'].map((h) => rt.net.hosts.get(h)!.devices.get('eth0')!.mac);
    expect(rsMacs).toContain(changes.get('eth.dst')!.after);
    expect(changes.has('ip.dst')).toBe(false);
    expect(changes.has('ip.src')).toBe(false);
    expect(changes.has('l4.dport')).toBe(false);
  });

  test('TUN: an outer IPv4 header DIP → RIP appears around the untouched packet', async () => {
    const { changes } = await directorRewrite('tun');
    expect(changes.get('outer.src')).toMatchObject({ added: true, after: '192.168.99.120' });
    expect(changes.get('outer.dst')?.after).toMatch(/^10\.10\.[12]\.10$/);
    expect(changes.get('outer.proto')).toMatchObject({ added: true, after: '4' });
    expect(changes.has('ip.dst')).toBe(false);
  });

  test('byte ranges of the fields lie inside the frame and do not run backwards', async () => {
    const { out } = await directorRewrite('tun');
    const bytes = engine().encodeFrame(out.eth);
    for (const l of layersOf(out))
      for (const f of l.fields) expect(f.start < f.end && f.end <= bytes.length).toBe(true);
  });
});
