import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';

const WRITES: [string, string][] = [
  ['director', 'sysctl -w net.ipv4.ip_forward=0'],
  ['director', 'sysctl -w net.ipv4.conf.default.arp_ignore=2'],
  ['director', 'sysctl -w net.ipv4.conf.eth0.rp_filter=2'],
  ['director', 'sysctl -w net.ipv4.ip_forward=1'],
  ['director', 'sysctl -w net.ipv4.conf.all.arp_announce=2'],
];

const all = (rt: LabRuntime, host: string, cursor: number) => {
  const s = rt.sysctlAt(host, cursor)!;
  return Object.fromEntries(s.keys().map((k) => [k, s.get(k)]));
};

describe('sysctls at a trace position', () => {
  test('undoing the writes after the cursor gives exactly what a run without them holds', () => {
    const full = LabRuntime.create('nat');
    for (const [host, command] of WRITES) full.exec({ host, command });
    for (let n = 0; n <= WRITES.length; n++) {
      const part = LabRuntime.create('nat');
      for (const [host, command] of WRITES.slice(0, n)) part.exec({ host, command });
      const cursor =
        n < WRITES.length
          ? full.results[full.results.length - WRITES.length + n]!.traceFrom
          : full.trace.length;
      for (const host of ['director', 'rs1']) {
        expect(all(full, host, cursor)).toEqual(all(part, host, part.trace.length));
        const effective = full.sysctlAt(host, cursor)!.conf('eth0', 'arp_ignore');
        expect(effective).toBe(part.sysctlAt(host, part.trace.length)!.conf('eth0', 'arp_ignore'));
      }
    }
    expect(full.sysctlAt('director', full.trace.length)!.get('net.ipv4.conf.eth1.arp_ignore')).toBe(2);
  });
});
