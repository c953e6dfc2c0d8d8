/**
 * VRRP details on the ha lab (keepalived.md §2, §5): tracking, nopreempt, strict mode's set and
 * drop rule, received-advert checks, the skew and master-down timers, and the advert codec.
 */
import { describe, expect, test } from 'vitest';
import { SEC } from '../../core/sim';
import { decodeVrrp, encodeVrrp } from '../../packet/vrrp';
import { LabRuntime } from '../../runtime/labRuntime';
import { keepalivedOf } from '../daemon';
import { iptablesOf } from '../../netfilter/iptables/iptables';
import { masterDownUs, skewUs } from './timers';

const sh = (rt: LabRuntime, host: string, command: string) => rt.exec({ host, command });
const lines = (rt: LabRuntime, host: string): string[] =>
  (rt.net.host(host).files.get('/var/log/messages') ?? '').split('\n').map((l) => l.replace(/^.*?\]: /, ''));
const state = (rt: LabRuntime, host: string) => keepalivedOf(rt.net.host(host)).vrrpInstances[0]?.state;

function instance(body: string, head = ''): string {
  return `${head}vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    advert_int 1\n    authentication {\n        auth_type PASS\n        auth_pass 1111\n    }\n    virtual_ipaddress {\n        192.168.99.188\n    }\n${body}\n}\n`;
}

function pair(d1: string, d2: string): LabRuntime {
  const rt = LabRuntime.create('ha', { bare: true });
  for (const [h, c] of [
    ['director1', d1],
    ['director2', d2],
  ] as const) {
    sh(rt, h, `cat > /etc/keepalived/keepalived.conf <<'EOF'\n${c}EOF`);
    sh(rt, h, 'systemctl start keepalived');
  }
  sh(rt, 'client', 'sleep 5');
  return rt;
}

describe('VRRP', () => {
  test('timers: skew from the base priority, master down = 3 × advert_int + skew', () => {
    expect([skewUs(100), skewUs(90), skewUs(150)]).toEqual([609_375, 648_437, 414_062]);
    expect(masterDownUs(1, 90)).toBe(3 * SEC + 648_437);
  });

  test('the advert codec round-trips and its checksum verifies', () => {
    const a = {
      version: 2,
      type: 1,
      vrid: 51,
      priority: 100,
      authType: 1,
      adverInt: 1,
      addrs: ['192.168.99.188'],
      authPass: '1111',
    };
    const bytes = encodeVrrp(a);
    expect(bytes.length).toBe(8 + 4 + 8);
    expect(decodeVrrp(bytes)).toMatchObject({ ...a, checksumOk: true });
    bytes[2] = 99;
    expect(decodeVrrp(bytes)!.checksumOk).toBe(false);
  });

  test('nopreempt on both BACKUPs: the returning higher-priority director stays BACKUP', () => {
    const rt = pair(
      instance('    state BACKUP\n    priority 100\n    nopreempt'),
      instance('    state BACKUP\n    priority 90\n    nopreempt'),
    );
    expect([state(rt, 'director1'), state(rt, 'director2')]).toEqual(['MASTER', 'BACKUP']);
    sh(rt, 'director1', 'systemctl stop keepalived');
    sh(rt, 'client', 'sleep 3');
    expect(state(rt, 'director2')).toBe('MASTER');
    sh(rt, 'director1', 'systemctl start keepalived');
    sh(rt, 'client', 'sleep 6');
    expect([state(rt, 'director1'), state(rt, 'director2')]).toEqual(['BACKUP', 'MASTER']);
  });

  test('track_interface with a weight lowers the effective priority and the backup preempts', () => {
    const rt = pair(
      instance('    state MASTER\n    priority 100\n    track_interface {\n        lo weight -20\n    }'),
      instance('    state BACKUP\n    priority 90'),
    );
    expect(state(rt, 'director1')).toBe('MASTER');
    sh(rt, 'director1', 'ip link set lo down');
    sh(rt, 'client', 'sleep 3');
    expect(lines(rt, 'director1')).toContain(
      'VRRP_Instance(VI_1) Changing effective priority from 100 to 80',
    );
    expect(lines(rt, 'director2')).toContain('VRRP_Instance(VI_1) forcing a new MASTER election');
    expect(lines(rt, 'director1')).toContain(
      'VRRP_Instance(VI_1) Received advert with higher priority 90, ours 80',
    );
    expect([state(rt, 'director1'), state(rt, 'director2')]).toEqual(['BACKUP', 'MASTER']);
  });

  test('track_script: a failing weight-0 script puts the instance in FAULT', () => {
    const script = 'vrrp_script chk_file {\n    script "test -f /tmp/ok"\n    interval 1\n}\n';
    const rt = pair(
      instance('    state MASTER\n    priority 100\n    track_script {\n        chk_file\n    }', script),
      instance('    state BACKUP\n    priority 90'),
    );
    expect(lines(rt, 'director1')).toContain('VRRP_Script(chk_file) failed');
    expect(state(rt, 'director1')).toBe('FAULT');
    expect(state(rt, 'director2')).toBe('MASTER');
    sh(rt, 'director1', 'touch /tmp/ok');
    sh(rt, 'client', 'sleep 4');
    expect(lines(rt, 'director1')).toContain('VRRP_Script(chk_file) succeeded');
    expect(state(rt, 'director1')).toBe('MASTER');
  });

  test('vrrp_strict: the set and its DROP rule in iptables -S; the VIP joins the set while MASTER; stop removes both', () => {
    const rt = pair(
      instance('    state BACKUP\n    priority 100', 'global_defs {\n    vrrp_strict\n}\n'),
      instance('    state BACKUP\n    priority 90', 'global_defs {\n    vrrp_strict\n}\n'),
    );
    const RULE = '-A INPUT -m set --match-set keepalived dst -j DROP';
    expect(lines(rt, 'director1')).toContain('VRRP_Instance(VI_1) setting protocol iptable drop rule');
    for (const d of ['director1', 'director2'])
      expect(sh(rt, d, 'iptables -S INPUT').stdout).toBe(`-P INPUT ACCEPT\n${RULE}\n`);
    expect(sh(rt, 'director1', 'iptables -L INPUT -n').stdout).toContain(
      'DROP       all  --  0.0.0.0/0            0.0.0.0/0            match-set keepalived dst',
    );
    const sets = (h: string) => [...(iptablesOf(rt.net.host(h)).sets.get('keepalived') ?? [])];
    expect([sets('director1'), sets('director2')]).toEqual([['192.168.99.188'], []]);
    // The master holds the VIP but drops what is sent to it.
    expect(sh(rt, 'router', 'ping -c 1 -W 1 192.168.99.188').exit).toBe(1);
    // iptables itself parses the rule: save and restore round-trip, -C finds it, an unknown set is refused.
    const saved = sh(rt, 'director1', 'iptables-save -t filter').stdout;
    expect(saved).toContain(`${RULE}\n`);
    expect(sh(rt, 'director1', `iptables-save -t filter | iptables-restore`).exit).toBe(0);
    expect(sh(rt, 'director1', 'iptables -S INPUT').stdout).toBe(`-P INPUT ACCEPT\n${RULE}\n`);
    expect(sh(rt, 'director1', 'iptables -C INPUT -m set --match-set keepalived dst -j DROP').exit).toBe(0);
    expect(sh(rt, 'director1', 'iptables -A INPUT -m set --match-set nosuch dst -j DROP').stderr).toBe(
      "iptables v1.4.21: Set nosuch doesn't exist.\n\nTry `iptables -h' or 'iptables --help' for more information.\n",
    );
    expect(sh(rt, 'director1', 'iptables -A INPUT -m set --match-set keepalived -j DROP').stderr).toContain(
      '--match-set requires two args.',
    );
    sh(rt, 'director1', 'systemctl stop keepalived');
    expect(lines(rt, 'director1')).toContain('VRRP_Instance(VI_1) removing protocol iptable drop rule');
    expect(sh(rt, 'director1', 'iptables -S INPUT').stdout).toBe('-P INPUT ACCEPT\n');
    expect(iptablesOf(rt.net.host('director1')).sets.has('keepalived')).toBe(false);
    sh(rt, 'client', 'sleep 2');
    expect(sets('director2')).toEqual(['192.168.99.188']);
  });

  test('vrrp_strict with accept: no set, no rule, the VIP answers', () => {
    const rt = pair(
      instance('    state BACKUP\n    priority 100\n    accept', 'global_defs {\n    vrrp_strict\n}\n'),
      instance('    state BACKUP\n    priority 90'),
    );
    expect(lines(rt, 'director1')).not.toContain('VRRP_Instance(VI_1) setting protocol iptable drop rule');
    expect(iptablesOf(rt.net.host('director1')).loaded('filter')).toBeUndefined();
    expect(sh(rt, 'router', 'ping -c 1 -W 1 192.168.99.188').exit).toBe(0);
  });

  test('a different auth_pass or advert_int: the adverts are rejected with keepalived’s lines and both become MASTER', () => {
    const rt = pair(
      instance('    state MASTER\n    priority 100'),
      instance('    state BACKUP\n    priority 90').replace('auth_pass 1111', 'auth_pass 2222'),
    );
    expect([state(rt, 'director1'), state(rt, 'director2')]).toEqual(['MASTER', 'MASTER']);
    expect(lines(rt, 'director2')).toContain('(VI_1): received an invalid passwd!');
    expect(lines(rt, 'director2')).toContain('bogus VRRP packet received on eth0 !!!');
    const rt2 = pair(
      instance('    state MASTER\n    priority 100'),
      instance('    state BACKUP\n    priority 90').replace('advert_int 1', 'advert_int 2'),
    );
    sh(rt2, 'client', 'sleep 3'); // director2's master down is 3 × 2 s + skew
    expect(lines(rt2, 'director2')).toContain(
      '(VI_1): advertisement interval mismatch mine=2 sec rcved=1 sec',
    );
    expect(lines(rt2, 'director2')).toContain('Sync instance needed on eth0 !!!');
    expect(state(rt2, 'director2')).toBe('MASTER');
  });

  test('systemctl reload: the master keeps its state, adds a new VIP and announces it', () => {
    const rt = pair(
      instance('    state MASTER\n    priority 100'),
      instance('    state BACKUP\n    priority 90'),
    );
    const before = rt.trace.slice().filter((e) => e.kind === 'vrrp.state').length;
    const conf = instance('    state MASTER\n    priority 100').replace(
      '        192.168.99.188\n',
      '        192.168.99.188\n        192.168.99.189\n',
    );
    sh(rt, 'director1', `cat > /etc/keepalived/keepalived.conf <<'EOF'\n${conf}EOF`);
    sh(rt, 'director1', 'systemctl reload keepalived');
    expect(rt.trace.slice().filter((e) => e.kind === 'vrrp.state').length).toBe(before);
    expect(rt.net.host('director1').isLocalAddr('192.168.99.189')).toBe(true);
    expect(lines(rt, 'director1')).toContain('Sending gratuitous ARP on eth0 for 192.168.99.189');
    expect(state(rt, 'director1')).toBe('MASTER');
  });

  test('gratuitous ARPs: garp_master_repeat now, again after garp_master_delay, then every garp_master_refresh', () => {
    const rt = pair(
      instance(
        '    state MASTER\n    priority 100\n    garp_master_repeat 2\n    garp_master_delay 3\n    garp_master_refresh 4',
      ),
      instance('    state BACKUP\n    priority 90'),
    );
    sh(rt, 'client', 'sleep 6');
    const garps = rt.trace
      .slice()
      .filter((e) => e.kind === 'vrrp.garp' && e.host === 'director1')
      .map((e) => e.t);
    const first = garps[0]!;
    const rounds = [...new Set(garps.map((t) => Math.round((t - first) / SEC)))];
    expect(rounds).toEqual([0, 3, 4, 8]);
    expect(garps.filter((t) => t === first)).toHaveLength(2);
  });
});
