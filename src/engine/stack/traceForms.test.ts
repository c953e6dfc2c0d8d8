/**
 * Events the stack pushes in a packed form (traceFixed.ts): a sent frame's four fields apart, a
 * socket's ends as address and port. They must read back exactly as the event object they stand
 * for (same keys, same order, same values), whether the store or a listener receives them.
 */
import { describe, expect, test } from 'vitest';
import type { EthernetFrame } from '../packet/types';
import { TestLab } from '../testing/testLab';

/** Keys in order, nested objects included: `toEqual` ignores order. */
function shapeOf(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(shapeOf);
  return Object.entries(v).map(([k, x]) => [k, shapeOf(x)]);
}

describe('packed stack events', () => {
  test('frames sent read back as sent, four-field or not, from the store and to a listener', () => {
    const l = new TestLab('dr');
    const host = l.host('client');
    const dev = host.devices.get('eth0')!;
    const heard: unknown[] = [];
    const frames: EthernetFrame[] = [
      { dst: 'ff:ff:ff:ff:ff:ff', src: dev.mac, ethertype: 0x88b5, payload: { proto: 'raw', hex: '00' } },
      // Another key order, an extra key, a missing one: sent whole.
      { src: dev.mac, dst: 'ff:ff:ff:ff:ff:ff', ethertype: 0x88b5, payload: { proto: 'raw', hex: '01' } },
      {
        dst: 'ff:ff:ff:ff:ff:ff',
        src: dev.mac,
        ethertype: 0x88b5,
        payload: { proto: 'raw', hex: '02' },
        vlan: 7,
      } as EthernetFrame,
      { dst: 'ff:ff:ff:ff:ff:ff', src: dev.mac, payload: { proto: 'raw', hex: '03' } } as EthernetFrame,
    ];
    const from = l.sim.trace.length;
    frames.forEach((f, i) => {
      // The last two with a listener: the event object is made then, and must be the same.
      const off = i >= 2 ? l.sim.trace.subscribe((e) => e.kind === 'frame.tx' && heard.push(e)) : undefined;
      l.net.transmit(host, dev, f);
      // Sent when the NIC's queue lets it go.
      l.run(0.01);
      off?.();
    });
    const sent = l.events('frame.tx').filter((e) => e.seq >= from);
    expect(sent.map((e) => shapeOf(e.eth))).toEqual(frames.map(shapeOf));
    expect(sent.map((e) => Object.keys(e))).toEqual(
      frames.map(() => ['kind', 'host', 'dev', 'segment', 'frame', 'pkt', 'eth', 't', 'seq']),
    );
    expect(heard.map((e) => shapeOf((e as { eth: unknown }).eth))).toEqual(frames.slice(2).map(shapeOf));
  });

  test('a socket state change reads back with its ends as ip:port', () => {
    const l = new TestLab('dr', 1, true);
    const r = l.curl('client', '192.168.99.188');
    expect(r.exit).toBe(0);
    const local = `${r.local!.ip}:${r.local!.port}`;
    const mine = l.events('sock', (e) => e.host === 'client' && e.local === local);
    expect(mine.map((e) => e.to)).toContain('ESTAB');
    for (const e of mine) {
      expect(Object.keys(e)).toEqual([
        'kind',
        'host',
        'sock',
        'proto',
        'from',
        'to',
        'reason',
        'local',
        'remote',
        't',
        'seq',
      ]);
      expect(e.proto).toBe('tcp');
      expect(e.remote).toBe('192.168.99.188:80');
    }
  });
});
