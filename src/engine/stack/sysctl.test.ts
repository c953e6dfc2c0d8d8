import { describe, expect, test } from 'vitest';
import { Sysctl } from './sysctl';

describe('conf/default propagation (docs/linux-behaviour.md B8) and merge rules (A1)', () => {
  function sys(): Sysctl {
    const s = new Sysctl();
    for (const d of ['lo', 'eth0', 'eth1']) s.addDevice(d);
    return s;
  }

  test('default reaches a device never written, not one written explicitly', () => {
    const s = sys();
    s.set('net.ipv4.conf.eth1.arp_ignore', 0);
    s.set('net.ipv4.conf.default.arp_ignore', 2);
    expect(s.get('net.ipv4.conf.eth0.arp_ignore')).toBe(2);
    expect(s.get('net.ipv4.conf.eth1.arp_ignore')).toBe(0);
  });

  test('a device created while default = 2 keeps 2 when default becomes 3', () => {
    const s = sys();
    s.set('net.ipv4.conf.default.arp_ignore', 2);
    s.addDevice('eth2');
    s.set('net.ipv4.conf.eth2.arp_ignore', 2);
    s.set('net.ipv4.conf.default.arp_ignore', 3);
    expect(s.get('net.ipv4.conf.eth2.arp_ignore')).toBe(2);
  });

  test('all is never copied into devices; it is merged at use', () => {
    const s = sys();
    s.set('net.ipv4.conf.all.arp_ignore', 1);
    expect(s.get('net.ipv4.conf.eth1.arp_ignore')).toBe(0);
    expect(s.conf('eth1', 'arp_ignore')).toBe(1);
    s.set('net.ipv4.conf.eth0.rp_filter', 2);
    s.set('net.ipv4.conf.all.rp_filter', 1);
    expect(s.conf('eth0', 'rp_filter')).toBe(2);
    s.set('net.ipv4.conf.all.accept_local', 1);
    expect(s.conf('eth0', 'accept_local')).toBe(1);
  });

  test('slash and /proc/sys forms name the same key; unknown keys are refused', () => {
    const s = sys();
    expect(s.set('/proc/sys/net/ipv4/conf/lo/arp_announce', 2)).toBeUndefined();
    expect(s.get('net.ipv4.conf.lo.arp_announce')).toBe(2);
    expect(s.set('net.ipv4.conf.eth9.arp_ignore', 1)).toBe('unknown');
    expect(s.set('net.ipv4.ip_forward', 1.5)).toBe('invalid');
  });
});
