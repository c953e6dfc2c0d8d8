/**
 * keepalived.service as a student sees it on a director of the ha lab: golden `systemctl
 * status`, `journalctl -u keepalived` and /var/log/messages (keepalived.md §3.1, §4), with the
 * clock masked (the lines, their order and the pids are the facts under test).
 */
import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';

const mask = (s: string): string =>
  s
    .replace(/^(\w{3}) [ 0]\d \d\d:\d\d:\d\d /gm, 'TIME ')
    .replace(/since \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; .*$/gm, 'since SINCE');

const sh = (rt: LabRuntime, host: string, command: string) => rt.exec({ host, command });

const START_D2 = [
  'TIME director2 systemd[1]: Starting LVS and VRRP High Availability Monitor...',
  'TIME director2 Keepalived[2601]: Starting Keepalived v1.3.5 (03/19,2017), git commit v1.3.5-6-g6fa32f2',
  "TIME director2 Keepalived[2601]: Opening file '/etc/keepalived/keepalived.conf'.",
  'TIME director2 Keepalived[2602]: Starting Healthcheck child process, pid=2603',
  'TIME director2 Keepalived[2602]: Starting VRRP child process, pid=2604',
  'TIME director2 systemd[1]: Started LVS and VRRP High Availability Monitor.',
  "TIME director2 Keepalived_healthcheckers[2603]: Opening file '/etc/keepalived/keepalived.conf'.",
  'TIME director2 Keepalived_healthcheckers[2603]: Initializing ipvs',
  'TIME director2 Keepalived_healthcheckers[2603]: Activating healthchecker for service [192.168.99.188]:80',
  'TIME director2 Keepalived_healthcheckers[2603]: Activating healthchecker for service [192.168.99.188]:80',
  'TIME director2 Keepalived_vrrp[2604]: Registering Kernel netlink reflector',
  'TIME director2 Keepalived_vrrp[2604]: Registering Kernel netlink command channel',
  'TIME director2 Keepalived_vrrp[2604]: Registering gratuitous ARP shared channel',
  "TIME director2 Keepalived_vrrp[2604]: Opening file '/etc/keepalived/keepalived.conf'.",
  'TIME director2 Keepalived_vrrp[2604]: Using LinkWatch kernel netlink reflector...',
  'TIME director2 Keepalived_vrrp[2604]: VRRP_Instance(VI_1) Entering BACKUP STATE',
];

describe('keepalived.service on the ha lab’s directors', () => {
  test('systemctl status keepalived (running, then stopped) and its exit codes', () => {
    const rt = LabRuntime.create('ha');
    const running = sh(rt, 'director2', 'systemctl status keepalived');
    expect(running.exit).toBe(0);
    expect(mask(running.stdout)).toBe(
      [
        '● keepalived.service - LVS and VRRP High Availability Monitor',
        '   Loaded: loaded (/usr/lib/systemd/system/keepalived.service; disabled; vendor preset: disabled)',
        '   Active: active (running) since SINCE',
        '  Process: 2601 ExecStart=/usr/sbin/keepalived $KEEPALIVED_OPTIONS (code=exited, status=0/SUCCESS)',
        ' Main PID: 2602 (keepalived)',
        '   CGroup: /system.slice/keepalived.service',
        '           ├─2602 /usr/sbin/keepalived -D',
        '           ├─2603 /usr/sbin/keepalived -D',
        '           └─2604 /usr/sbin/keepalived -D',
        '',
        ...START_D2.slice(-10).map((l) => l.replace(/^TIME/, 'TIME')),
        '',
      ].join('\n'),
    );
    sh(rt, 'director2', 'systemctl stop keepalived');
    const stopped = sh(rt, 'director2', 'systemctl status keepalived');
    expect(stopped.exit).toBe(3);
    expect(mask(stopped.stdout).split('\n').slice(0, 5)).toEqual([
      '● keepalived.service - LVS and VRRP High Availability Monitor',
      '   Loaded: loaded (/usr/lib/systemd/system/keepalived.service; disabled; vendor preset: disabled)',
      '   Active: inactive (dead) since SINCE',
      '  Process: 2601 ExecStart=/usr/sbin/keepalived $KEEPALIVED_OPTIONS (code=exited, status=0/SUCCESS)',
      ' Main PID: 2602 (code=exited, status=0/SUCCESS)',
    ]);
    expect(sh(rt, 'director2', 'systemctl is-active keepalived').stdout).toBe('inactive\n');
    expect(sh(rt, 'director2', 'systemctl reload keepalived')).toMatchObject({
      exit: 1,
      stderr: 'Job for keepalived.service invalid.\n',
    });
    expect(sh(rt, 'rs1', 'systemctl status keepalived')).toMatchObject({
      exit: 4,
      stderr: 'Unit keepalived.service could not be found.\n',
    });
  });

  test('journalctl -u keepalived and /var/log/messages: the start block, in order; LOG_DEBUG only in the journal', () => {
    const rt = LabRuntime.create('ha');
    const j = sh(rt, 'director2', 'journalctl -u keepalived --no-pager').stdout.split('\n');
    expect(j[0]).toMatch(/^-- Logs begin at Mon 2019-08-05 08:00:00 UTC, end at .* --$/);
    expect(j.slice(1, -1).map(mask)).toEqual(START_D2);
    const messages = sh(rt, 'director2', 'cat /var/log/messages').stdout.split('\n');
    expect(messages[0]).toMatch(/^Aug {2}5 08:00:00 director2 systemd\[1\]: Starting/);
    expect(messages.slice(0, -1).map(mask)).toEqual(START_D2.filter((l) => !l.endsWith('Initializing ipvs')));
  });

  test('without -D in /etc/sysconfig/keepalived the detail lines (VIPs, GARPs) are not logged', () => {
    const rt = LabRuntime.create('ha', { bare: true });
    sh(rt, 'director1', 'echo \'KEEPALIVED_OPTIONS=""\' > /etc/sysconfig/keepalived');
    const conf = `vrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    192.168.99.188\n  }\n}\n`;
    sh(rt, 'director1', `cat > /etc/keepalived/keepalived.conf <<'EOF'\n${conf}EOF`);
    sh(rt, 'director1', 'systemctl start keepalived');
    sh(rt, 'director1', 'sleep 3');
    const log = rt.net.host('director1').files.get('/var/log/messages')!;
    expect(log).toContain('VRRP_Instance(VI_1) Entering MASTER STATE');
    expect(log).not.toContain('setting protocol VIPs.');
    expect(log).not.toContain('Sending gratuitous ARP');
    expect(sh(rt, 'director1', 'systemctl status keepalived').stdout).toContain(
      '├─2502 /usr/sbin/keepalived\n',
    );
    expect(rt.net.host('director1').isLocalAddr('192.168.99.188')).toBe(true);
  });

  test('a wrong interface stops the whole daemon and empties its IPVS table (keepalived.md §5.4)', () => {
    const rt = LabRuntime.create('ha');
    const conf = rt.net
      .host('director2')
      .files.get('/etc/keepalived/keepalived.conf')!
      .replace('interface eth0', 'interface eth1');
    sh(rt, 'director2', `cat > /etc/keepalived/keepalived.conf <<'EOF'\n${conf}EOF`);
    sh(rt, 'director2', 'systemctl restart keepalived');
    const tail = mask(sh(rt, 'director2', 'tail -7 /var/log/messages').stdout).split('\n');
    expect(tail.slice(0, 7)).toEqual([
      'TIME director2 Keepalived_vrrp[2614]: Cant find interface eth1 for vrrp_instance VI_1 !!!',
      'TIME director2 Keepalived_vrrp[2614]: VRRP_Instance(VI_1) Unknown interface !',
      'TIME director2 Keepalived[2612]: Keepalived_vrrp exited with permanent error CONFIG. Terminating',
      'TIME director2 Keepalived_healthcheckers[2613]: Removing service [192.168.99.140]:80 from VS [192.168.99.188]:80',
      'TIME director2 Keepalived_healthcheckers[2613]: Removing service [192.168.99.150]:80 from VS [192.168.99.188]:80',
      'TIME director2 Keepalived_healthcheckers[2613]: Stopped',
      'TIME director2 Keepalived[2612]: Stopped Keepalived v1.3.5 (03/19,2017), git commit v1.3.5-6-g6fa32f2',
    ]);
    expect(sh(rt, 'director2', 'systemctl is-active keepalived').stdout).toBe('inactive\n');
    expect(sh(rt, 'director2', 'ipvsadm -Ln').stdout).not.toContain('192.168.99.188');
  });

  test('genhash prints the MD5 a digest line wants, and a refused connection says so', () => {
    const rt = LabRuntime.create('ha');
    expect(sh(rt, 'director1', 'genhash -s 192.168.99.140 -p 80 -u /').stdout).toBe(
      'MD5SUM = 7a6c0d2ef5a9e6e1776090916c66ba3a\n', // md5("rs1\n")
    );
    expect(sh(rt, 'director1', 'genhash -s 192.168.99.140 -p 81 -u /')).toMatchObject({
      exit: 1,
      stderr: 'Error connecting server [192.168.99.140]:81.\n',
    });
  });
});
