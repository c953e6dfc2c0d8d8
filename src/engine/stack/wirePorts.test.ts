/**
 * What the wire keeps per segment and per device so that a frame needs no lookup by name: the
 * switch's MAC table on its segment, each device's queues on the device (under symbols), and a
 * host's SNMP counters in slots. Each must answer as the lookups it replaced would.
 */
import { describe, expect, test } from 'vitest';
import type { EthernetFrame } from '../packet/types';
import { TestLab } from '../testing/testLab';
import type { Port, Segment } from './network';

/** A segment with at least three ports: a sender and two others. */
function busySegment(l: TestLab): Segment {
  const seg = [...l.net.segments.values()].find((s) => s.ports.length >= 3);
  if (!seg) throw new Error('no segment with three ports');
  return seg;
}

const devOf = (p: Port) => p.host.devices.get(p.dev)!;

/** A raw frame to `dst` (no protocol behind it: a receiver only counts and records it). */
const rawTo = (dst: string, src: string, hex: string): EthernetFrame => ({
  dst,
  src,
  ethertype: 0x88b5,
  payload: { proto: 'raw', hex },
});

/** Hosts that accepted a frame.rx of frame `id`. */
function takers(l: TestLab, id: string): string[] {
  return l.events('frame.rx', (e) => e.frame === id && e.accepted).map((e) => `${e.host}/${e.dev}`);
}

function lastFrameId(l: TestLab): string {
  return l.events('frame.tx').at(-1)!.frame;
}

describe('the switch learns each MAC once, on its segment', () => {
  test('a unicast frame reaches the learned port; the table moves when the MAC does', () => {
    const l = new TestLab('nat');
    const seg = busySegment(l);
    const [from, a, b] = seg.ports as [Port, Port, Port];
    const src = devOf(from).mac;
    const mac = devOf(a).mac;
    l.net.transmit(from.host, devOf(from), rawTo(mac, src, '00'));
    l.run(0.01);
    expect(takers(l, lastFrameId(l))).toEqual([`${a.host.name}/${a.dev}`]);
    expect(seg.macs.get(mac)).toBe(a);
    // The MAC moves to another port's device: the entry learned no longer holds, so the switch
    // looks again, as it would relearn from the next frame that device sends.
    const old = devOf(b).mac;
    devOf(a).mac = old;
    devOf(b).mac = mac;
    l.net.transmit(from.host, devOf(from), rawTo(mac, src, '01'));
    l.run(0.01);
    expect(takers(l, lastFrameId(l))).toEqual([`${b.host.name}/${b.dev}`]);
    expect(seg.macs.get(mac)).toBe(b);
  });

  test('frames to three MACs in turn each reach their own port (the memo of the last two)', () => {
    const l = new TestLab('nat');
    const seg = busySegment(l);
    const [from, ...others] = seg.ports as [Port, ...Port[]];
    const src = devOf(from).mac;
    const to = [...others, ...others.slice().reverse(), ...others];
    to.forEach((p, i) => {
      l.net.transmit(from.host, devOf(from), rawTo(devOf(p).mac, src, (16 + i).toString(16)));
      l.run(0.01);
      expect(takers(l, lastFrameId(l))).toEqual([`${p.host.name}/${p.dev}`]);
    });
  });

  test('a MAC no port has floods every other port, and is not learned', () => {
    const l = new TestLab('nat');
    const seg = busySegment(l);
    const from = seg.ports[0]!;
    const nobody = '52:54:00:00:ee:ee';
    l.net.transmit(from.host, devOf(from), rawTo(nobody, devOf(from).mac, '02'));
    l.run(0.01);
    const id = lastFrameId(l);
    const seen = l.events('frame.rx', (e) => e.frame === id).map((e) => `${e.host}/${e.dev}`);
    expect(seen).toHaveLength(seg.ports.length - 1);
    expect(takers(l, id)).toEqual([]);
    expect(seg.macs.has(nobody)).toBe(false);
  });
});

describe("a device's queues are its own", () => {
  test('a full NIC queue drops on that device only; the queues stay out of its keys and JSON', () => {
    const l = new TestLab('nat');
    const seg = busySegment(l);
    const [p, q] = seg.ports as [Port, Port];
    const dp = devOf(p);
    const dq = devOf(q);
    const keys = Object.keys(dp);
    dp.txqueuelen = 1;
    // Five frames at once on each: the one on the wire and one waiting pass, three drop on p;
    // q keeps its default limit of 1000.
    for (let i = 0; i < 5; i++) {
      l.net.transmit(p.host, dp, rawTo('ff:ff:ff:ff:ff:ff', dp.mac, '03'));
      l.net.transmit(q.host, dq, rawTo('ff:ff:ff:ff:ff:ff', dq.mac, '04'));
    }
    const drops = l.events('drop', (e) => e.reason === 'txqueue-full');
    expect(drops.map((e) => `${e.host}/${e.dev}`)).toEqual(Array(3).fill(`${p.host.name}/${p.dev}`));
    expect(Object.keys(dp)).toEqual([...keys, 'txqueuelen']);
    expect(Object.keys(JSON.parse(JSON.stringify(dp)) as object)).toEqual([...keys, 'txqueuelen']);
    // Only the NIC's queue: no frame has reached p's switch port yet.
    expect(Object.getOwnPropertySymbols(dp)).toHaveLength(1);
  });

  test("every network's devices keep their queues under the same keys", () => {
    // Keys made per network gave a new runtime's devices hidden classes of their own, and the
    // JIT's code for the packet path was thrown away with every new runtime (docs/architecture.md).
    const queued = (l: TestLab) => {
      const [p] = busySegment(l).ports as [Port];
      l.net.transmit(p.host, devOf(p), rawTo('ff:ff:ff:ff:ff:ff', devOf(p).mac, '05'));
      return Object.getOwnPropertySymbols(devOf(p));
    };
    const k1 = queued(new TestLab('nat'));
    expect(k1).toHaveLength(1);
    expect(queued(new TestLab('nat'))).toEqual(k1);
  });
});

describe('SNMP counters', () => {
  test('count in slots and read back as the counters counted so far', () => {
    const l = new TestLab('nat', 1, true);
    const h = l.host('client');
    const before = h.counters.get('IpOutRequests') ?? 0;
    expect(h.counters.has('IcmpOutTimeExcds')).toBe(false);
    h.count('IcmpOutTimeExcds');
    h.count('IcmpOutTimeExcds');
    expect(h.counters.get('IcmpOutTimeExcds')).toBe(2);
    expect(l.curl('client', '172.16.132.18').exit).toBe(0);
    expect(h.counters.get('IpOutRequests')).toBeGreaterThan(before);
    // What the reader gets is a copy: changing it counts nothing.
    (h.counters as Map<string, number>).set('IpInNoRoutes', 9);
    expect(h.counters.has('IpInNoRoutes')).toBe(false);
    expect([...h.counters.values()].every((n) => n > 0)).toBe(true);
  });

  test('each counter counts in its own slot (count finds it by a switch)', () => {
    const h = new TestLab('nat', 1, true).host('rs1');
    const names = [
      'IpInReceives',
      'IpInAddrErrors',
      'IpInNoRoutes',
      'IpForwDatagrams',
      'IpInDelivers',
      'IpOutRequests',
      'IpExtInNoRoutes',
      'TcpExtIPReversePathFilter',
      'IcmpOutTimeExcds',
      'IcmpOutDestUnreachs',
    ] as const;
    const base = new Map(names.map((c) => [c, h.counters.get(c) ?? 0]));
    names.forEach((c, i) => {
      for (let k = 0; k <= i; k++) h.count(c);
    });
    expect(names.map((c) => h.counters.get(c)! - base.get(c)!)).toEqual(names.map((_, i) => i + 1));
  });
});
