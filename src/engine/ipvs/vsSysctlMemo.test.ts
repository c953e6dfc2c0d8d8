/**
 * Ipvs.sysctl keeps the net.ipv4.vs.* values it read while the host's sysctls are unchanged
 * (their version): a write must reach the very next read, and unchanged reads ask no table.
 */
import { describe, expect, test, vi } from 'vitest';
import { buildTopology, getLab, ipvsOf, Sim } from '../index';

function director() {
  const host = buildTopology(getLab('tun')!, new Sim(1)).host('director');
  return { host, ipvs: ipvsOf(host) };
}

describe('Ipvs.sysctl memo', () => {
  test('a write is read at once, for each knob the packet path reads', () => {
    const { host, ipvs } = director();
    const knobs = [
      'pmtu_disc',
      'conn_reuse_mode',
      'expire_nodest_conn',
      'sloppy_tcp',
      'expire_quiescent_template',
    ];
    const before = knobs.map((k) => ipvs.sysctl(k));
    expect(before).toEqual([1, 1, 0, 0, 0]);
    for (const k of knobs) {
      const flipped = ipvs.sysctl(k) === 0 ? 1 : 0;
      expect(host.sysctl.set(`net.ipv4.vs.${k}`, flipped)).toBeUndefined();
      expect(ipvs.sysctl(k)).toBe(flipped);
    }
    expect(ipvs.sysctl('no_such_knob')).toBe(0);
  });

  test('unchanged sysctls: repeated reads ask the table once per knob', () => {
    const { host, ipvs } = director();
    const get = vi.spyOn(host.sysctl, 'get');
    for (let i = 0; i < 5; i++)
      for (const k of ['pmtu_disc', 'sloppy_tcp', 'conn_reuse_mode']) ipvs.sysctl(k);
    expect(get).toHaveBeenCalledTimes(3);
    host.sysctl.set('net.ipv4.vs.sloppy_tcp', 1);
    get.mockClear();
    expect(ipvs.sysctl('sloppy_tcp')).toBe(1);
    expect(get).toHaveBeenCalledTimes(1);
  });
});
