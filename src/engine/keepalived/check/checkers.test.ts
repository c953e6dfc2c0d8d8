/**
 * The health checkers of keepalived 1.3.5 on the ha lab's director1 (keepalived.md §1.4–§1.5):
 * TCP_CHECK, MISC_CHECK, HTTP_GET digest and the 1.3.5 no-status_code quirk, inhibit_on_failure,
 * quorum with a sorry server, alpha, and timeouts when the real server is unreachable.
 */
import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../../runtime/labRuntime';

const sh = (rt: LabRuntime, host: string, command: string) => rt.exec({ host, command });

/** A bare ha lab with director1 running `vs` (the body of one virtual_server block). */
function director(vs: string, extra = ''): LabRuntime {
  const rt = LabRuntime.create('ha', { bare: true });
  const conf = `${extra}virtual_server 192.168.99.188 80 {\n    delay_loop 2\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n${vs}\n}\n`;
  sh(rt, 'director1', `cat > /etc/keepalived/keepalived.conf <<'EOF'\n${conf}EOF`);
  sh(rt, 'director1', 'systemctl start keepalived');
  return rt;
}

const rs = (ip: string, body: string, opts = ''): string =>
  `    real_server ${ip} 80 {\n        weight 1\n${opts}        ${body}\n    }\n`;
const table = (rt: LabRuntime): string[] =>
  sh(rt, 'director1', 'ipvsadm -Ln')
    .stdout.split('\n')
    .filter((l) => l.includes('->') && !l.includes('RemoteAddress'))
    .map((l) => l.trim().split(/\s+/).slice(1, 4).join(' '));
const checkerLog = (rt: LabRuntime): string[] =>
  (rt.net.host('director1').files.get('/var/log/messages') ?? '')
    .split('\n')
    .filter((l) => l.includes('Keepalived_healthcheckers') && !/Opening file|Activating/.test(l))
    .map((l) => l.replace(/^.*?\]: /, ''));

describe('keepalived health checkers', () => {
  test('TCP_CHECK: refused connects are retried after delay_before_retry, then the server leaves; it comes back on success', () => {
    const rt = director(
      rs(
        '192.168.99.140',
        'TCP_CHECK {\n            connect_timeout 2\n            retry 2\n            delay_before_retry 1\n        }',
      ),
    );
    expect(table(rt)).toEqual(['192.168.99.140:80 Route 1']);
    sh(rt, 'rs1', 'systemctl stop httpd');
    sh(rt, 'client', 'sleep 8');
    expect(table(rt)).toEqual([]);
    expect(checkerLog(rt)).toEqual([
      'TCP connection to [192.168.99.140]:80 failed.',
      'TCP connection to [192.168.99.140]:80 failed.',
      'TCP connection to [192.168.99.140]:80 failed.',
      'Check on service [192.168.99.140]:80 failed after 2 retry.',
      'Removing service [192.168.99.140]:80 from VS [192.168.99.188]:80',
      'Lost quorum 1-0=1 > 0 for VS [192.168.99.188]:80',
    ]);
    sh(rt, 'rs1', 'systemctl start httpd');
    sh(rt, 'client', 'sleep 3');
    expect(table(rt)).toEqual(['192.168.99.140:80 Route 1']);
    expect(checkerLog(rt).slice(-3)).toEqual([
      'TCP connection to [192.168.99.140]:80 success.',
      'Adding service [192.168.99.140]:80 to VS [192.168.99.188]:80',
      'Gained quorum 1+0=1 <= 1 for VS [192.168.99.188]:80',
    ]);
  });

  test('an unreachable real server times out after connect_timeout; inhibit_on_failure keeps it with weight 0', () => {
    const rt = director(
      rs(
        '192.168.99.140',
        'HTTP_GET {\n            url {\n              path /\n            }\n            connect_timeout 1\n            nb_get_retry 1\n            delay_before_retry 1\n        }',
        '        inhibit_on_failure\n',
      ) + rs('192.168.99.150', 'TCP_CHECK {\n            connect_timeout 1\n        }'),
    );
    sh(rt, 'rs1', 'ip link set eth0 down');
    sh(rt, 'client', 'sleep 8');
    expect(table(rt).sort()).toEqual(['192.168.99.140:80 Route 0', '192.168.99.150:80 Route 1']);
    expect(checkerLog(rt).slice(0, 4)).toEqual([
      'Timeout connecting server [192.168.99.140]:80.',
      'Timeout connecting server [192.168.99.140]:80.',
      'Check on service [192.168.99.140]:80 failed after 1 retry.',
      'Disabling service [192.168.99.140]:80 from VS [192.168.99.188]:80',
    ]);
    sh(rt, 'rs1', 'ip link set eth0 up');
    sh(rt, 'client', 'sleep 3');
    expect(table(rt).sort()).toEqual(['192.168.99.140:80 Route 1', '192.168.99.150:80 Route 1']);
    expect(checkerLog(rt).slice(-3)).toEqual([
      'HTTP success to [192.168.99.140]:80 url(1).',
      'Remote Web server [192.168.99.140]:80 succeed on service.',
      'Enabling service [192.168.99.140]:80 to VS [192.168.99.188]:80',
    ]);
  });

  test('HTTP_GET: a 404 changes nothing without status_code (1.3.5), but fails a digest check', () => {
    const url = (extra: string): string =>
      `HTTP_GET {\n            url {\n              path /missing.html\n${extra}            }\n            connect_timeout 1\n            nb_get_retry 0\n        }`;
    const quirk = director(rs('192.168.99.140', url('')));
    sh(quirk, 'client', 'sleep 6');
    expect(table(quirk)).toEqual(['192.168.99.140:80 Route 1']);
    expect(checkerLog(quirk)).toEqual([]);
    const digest = director(
      rs('192.168.99.140', url('              digest 7a6c0d2ef5a9e6e1776090916c66ba3a\n')),
    );
    sh(digest, 'client', 'sleep 6');
    expect(table(digest)).toEqual([]);
    expect(checkerLog(digest).slice(0, 3)).toEqual([
      'MD5 digest error to server [192.168.99.140]:80.',
      'Check on service [192.168.99.140]:80 failed after 0 retry.',
      'Removing service [192.168.99.140]:80 from VS [192.168.99.188]:80',
    ]);
    sh(digest, 'rs1', 'echo rs1 > /var/www/html/missing.html');
    sh(digest, 'client', 'sleep 3');
    expect(table(digest)).toEqual(['192.168.99.140:80 Route 1']);
    expect(checkerLog(digest)).toContain('MD5 digest success to [192.168.99.140]:80 url(1).');
  });

  test('MISC_CHECK runs its script in the lab shell; quorum loss brings in the sorry server', () => {
    const check = 'MISC_CHECK {\n            misc_path "test -f /tmp/up"\n        }';
    const rt = director(
      `    quorum 2\n    sorry_server 192.168.99.150 80\n${rs('192.168.99.140', check)}${rs('192.168.99.121', 'TCP_CHECK {\n            connect_port 22\n        }')}`,
    );
    sh(rt, 'client', 'sleep 3');
    // Nothing listens on director2:22 and /tmp/up is missing on director1: both servers fail.
    expect(table(rt)).toEqual(['192.168.99.150:80 Route 1']);
    const log = checkerLog(rt);
    expect(log).toContain('Misc check to [192.168.99.140] for [test -f /tmp/up] failed.');
    expect(log).toContain('Lost quorum 2-0=2 > 1 for VS [192.168.99.188]:80');
    expect(log).toContain('Adding sorry server [192.168.99.150]:80 to VS [192.168.99.188]:80');
    expect(log).toContain('Removing alive servers from the pool for VS [192.168.99.188]:80');
    sh(rt, 'director1', 'touch /tmp/up');
    sh(rt, 'client', 'sleep 3');
    expect(checkerLog(rt)).toContain('Misc check to [192.168.99.140] for [test -f /tmp/up] success.');
  });

  test('alpha: no real server enters the table before its first successful check', () => {
    const rt = director(
      `    alpha\n${rs('192.168.99.140', 'TCP_CHECK {\n            connect_timeout 1\n        }')}`,
    );
    expect(table(rt)).toEqual([]);
    sh(rt, 'client', 'sleep 4');
    expect(table(rt)).toEqual(['192.168.99.140:80 Route 1']);
    expect(checkerLog(rt)).toContain('Adding service [192.168.99.140]:80 to VS [192.168.99.188]:80');
  });

  test('ha_suspend: no checks while the VIP is elsewhere; notify_down runs its script when a server leaves', () => {
    const tcp = 'TCP_CHECK {\n            connect_timeout 1\n        }';
    const suspended = director(`    ha_suspend\n${rs('192.168.99.140', tcp)}`);
    sh(suspended, 'client', 'sleep 5');
    expect(suspended.trace.slice().filter((e) => e.kind === 'keepalived.check')).toEqual([]);
    const rt = director(rs('192.168.99.140', tcp, '        notify_down "touch /tmp/rs1-down"\n'));
    sh(rt, 'rs1', 'systemctl stop httpd');
    sh(rt, 'client', 'sleep 6');
    expect(table(rt)).toEqual([]);
    expect(rt.net.host('director1').files.has('/tmp/rs1-down')).toBe(true);
  });
});
