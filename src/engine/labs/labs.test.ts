import { describe, expect, test } from 'vitest';
import { LABS } from './registry';
import { LabRuntime } from '../runtime/labRuntime';
import { STOCK_KEEPALIVED_CONF } from '../keepalived/stockConf';

/** The configured states, command for command, as docs/linux-behaviour.md ("The labs") lists them. */
describe('lab definitions follow the documented labs', () => {
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

  test('HA lab: two directors with keepalived, the DR lab’s addresses, keepalived started last', () => {
    const ha = LABS.get('ha')!;
    expect(ha.hosts.map((h) => h.name)).toEqual(['client', 'router', 'director1', 'director2', 'rs1', 'rs2']);
    expect(ha.hosts.filter((h) => h.packages?.includes('keepalived')).map((h) => h.name)).toEqual([
      'director1',
      'director2',
    ]);
    expect(ha.vip).toBe('192.168.99.188');
    const steps = ha.configure.map((s) => `${s.host}# ${s.command.split('\n')[0]}`);
    expect(steps[0]).toBe('router# sysctl -w net.ipv4.ip_forward=1');
    expect(steps.filter((s) => s.startsWith('rs2#'))).toHaveLength(5);
    expect(steps.slice(-5)).toEqual([
      "director1# cat > /etc/keepalived/keepalived.conf <<'EOF'",
      "director2# cat > /etc/keepalived/keepalived.conf <<'EOF'",
      'director1# systemctl start keepalived',
      'director2# systemctl start keepalived',
      'director1# sleep 3',
    ]);
    const d1 = ha.configure.find((s) => s.host === 'director1')!.command;
    expect(d1).toContain('    state MASTER\n');
    expect(d1).toContain('    priority 100\n');
    expect(d1).toContain('   router_id LVS_director1\n');
    expect(d1).not.toContain('vrrp_strict');
  });

  test('HA lab bare state: keepalived installed with the stock file, not running', () => {
    const rt = LabRuntime.create('ha', { bare: true });
    const d1 = rt.net.host('director1');
    expect(d1.files.get('/etc/keepalived/keepalived.conf')).toBe(STOCK_KEEPALIVED_CONF);
    expect(d1.files.get('/etc/sysconfig/keepalived')).toContain('KEEPALIVED_OPTIONS="-D"');
    expect(rt.exec({ host: 'director1', command: 'systemctl is-active keepalived' }).stdout).toBe(
      'inactive\n',
    );
    expect(rt.exec({ host: 'director1', command: 'ipvsadm -Ln' }).stdout).not.toContain('TCP');
    expect(rt.exec({ host: 'rs1', command: 'systemctl status keepalived' }).exit).toBe(4);
  });
});
