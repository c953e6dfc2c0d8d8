import { describe, expect, test } from 'vitest';
import { LABS } from './registry';

/** The configured states are labs.md's lists, command for command. */
describe('lab definitions follow labs.md', () => {
  test('addresses: VIPs, segments and the host order that fixes MACs and flooding order', () => {
    expect([...LABS.keys()]).toEqual(['nat', 'dr', 'tun', 'ha']);
    expect(LABS.get('nat')!.hosts.map((h) => h.name)).toEqual(['client', 'director', 'rs1', 'rs2']);
    expect(LABS.get('dr')!.hosts.map((h) => h.name)).toEqual(['client', 'router', 'director', 'rs1', 'rs2']);
    expect(LABS.get('tun')!.segments.map((s) => s.name)).toEqual(['public', 'lan', 'dc1', 'dc2']);
    expect([LABS.get('nat')!.vip, LABS.get('dr')!.vip, LABS.get('tun')!.vip]).toEqual([
      '172.16.132.18',
      '192.168.99.188',
      '192.168.99.188',
    ]);
  });

  test('DR configured state, in order', () => {
    const steps = LABS.get('dr')!.configure.map((s) => `${s.host}# ${s.command}`);
    expect(steps.slice(0, 5)).toEqual([
      'router# sysctl -w net.ipv4.ip_forward=1',
      'director# ip addr add 192.168.99.188/32 dev eth0',
      'director# ipvsadm -A -t 192.168.99.188:80 -s rr',
      'director# ipvsadm -a -t 192.168.99.188:80 -r 192.168.99.140 -g',
      'director# ipvsadm -a -t 192.168.99.188:80 -r 192.168.99.150 -g',
    ]);
    expect(steps.filter((s) => s.startsWith('rs1#'))).toEqual([
      'rs1# echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore',
      'rs1# echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore',
      'rs1# echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce',
      'rs1# echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce',
      'rs1# ifconfig lo:1 192.168.99.188 netmask 255.255.255.255',
    ]);
  });

  test('TUN configured state, in order', () => {
    const steps = LABS.get('tun')!.configure.map((s) => `${s.host}# ${s.command}`);
    expect(steps.slice(0, 5)).toEqual([
      'router# sysctl -w net.ipv4.ip_forward=1',
      'director# ip addr add 192.168.99.188/32 dev eth0',
      'director# ipvsadm -A -t 192.168.99.188:80 -s rr',
      'director# ipvsadm -a -t 192.168.99.188:80 -r 10.10.1.10 -i',
      'director# ipvsadm -a -t 192.168.99.188:80 -r 10.10.2.10 -i',
    ]);
    expect(steps.filter((s) => s.startsWith('rs2#'))[0]).toBe('rs2# modprobe ipip');
  });
});
