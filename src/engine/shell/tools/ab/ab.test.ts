import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../../../runtime/labRuntime';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/**
 * The report's layout as a pattern: every number in the golden line may be another number
 * of any width; everything else (labels, spacing before the numbers, units) must match.
 */
function layout(golden: string): RegExp[] {
  return golden.split('\n').map((line) => {
    const esc = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(
      `^${esc.replace(/ *\d+(\\\.\d+)?/g, (m) => (m.startsWith(' ') ? ' +' : '') + '\\d+(\\.\\d+)?')}$`,
    );
  });
}

/** The golden header lines differ where CentOS's build differs: the revision stamp, the host. */
function centos(golden: string, host: string, port: number): string {
  return golden
    .replace('<$Revision$>', '<$Revision: 1430300 $>')
    .replaceAll('127.0.0.1', host)
    .replace(/Server Port: +18888/, `Server Port:            ${port}`);
}

function expectLayout(out: string, golden: string): void {
  const lines = out.split('\n');
  const pats = layout(golden);
  expect(lines.length).toBe(pats.length);
  pats.forEach((p, i) => expect(lines[i]).toMatch(p));
}

describe('ab through the labs', () => {
  test('-n 100 -c 10: the report has Debian ab 2.3’s layout line for line', () => {
    const rt = LabRuntime.create('nat');
    const r = rt.exec({ host: 'client', command: 'ab -n 100 -c 10 http://172.16.132.18/' });
    expect(r.exit).toBe(0);
    expect(r.stderr).toBe('');
    expectLayout(r.stdout, centos(fixture('debian-ab-n100-c10.txt'), '172.16.132.18', 80));
    expect(r.stdout).toContain('Complete requests:      100\nFailed requests:        0\n');
    expect(r.stdout).toContain('Document Length:        4 bytes\n');
  });

  test('-n 1000 -c 10: progress lines on stderr, keep-alive with -k, report on virtual time', () => {
    const rt = LabRuntime.create('dr');
    const r = rt.exec({ host: 'client', command: 'ab -n 1000 -c 10 http://192.168.99.188/' });
    expect(r.stderr).toBe(fixture('debian-ab-n1000-c10.stderr.txt'));
    expectLayout(r.stdout, centos(fixture('debian-ab-n1000-c10.stdout.txt'), '192.168.99.188', 80));
    const taken = Number(/Time taken for tests: +([\d.]+)/.exec(r.stdout)?.[1]);
    expect(taken).toBeCloseTo((r.end - r.start) / 1e6, 2);
    const k = rt.exec({ host: 'client', command: 'ab -q -n 1000 -c 10 -k http://192.168.99.188/' });
    // Apache closes a persistent connection after 100 requests: 10 of 1000 answers say close.
    expect(k.stdout).toContain('Keep-Alive requests:    990\n');
    expect(k.stderr).toBe('');
  });

  test('-c really opens that many connections at once', () => {
    const rt = LabRuntime.create('nat');
    rt.exec({ host: 'director', command: 'ipvsadm -E -t 172.16.132.18:80 -s lc' });
    const r = rt.exec({ host: 'client', command: 'ab -n 40 -c 8 http://172.16.132.18/' });
    expect(r.exit).toBe(0);
    const synSent = rt.trace
      .slice()
      .filter((e) => e.kind === 'sock')
      .filter((e) => e.host === 'client' && e.to === 'SYN-SENT');
    expect(synSent.length).toBe(40);
    // The first eight SYNs leave before any answer comes back.
    const firstEstab = rt.trace
      .slice()
      .findIndex((e) => e.kind === 'sock' && e.host === 'client' && e.to === 'ESTAB');
    expect(
      rt.trace
        .slice(0, firstEstab)
        .filter((e) => e.kind === 'sock')
        .filter((e) => e.host === 'client' && e.to === 'SYN-SENT').length,
    ).toBe(8);
  });

  test('-B binds a source address the client holds; errors as ab prints them', () => {
    const rt = LabRuntime.create('nat', { clients: 1 });
    rt.exec({ host: 'client', command: 'ip addr add 172.16.132.90/24 dev eth0' });
    expect(rt.exec({ host: 'client', command: 'ab -n 4 -B 172.16.132.90 http://172.16.132.18/' }).exit).toBe(
      0,
    );
    const srcs = new Set(
      rt.trace
        .slice()
        .filter((e) => e.kind === 'sock')
        .filter((e) => e.host === 'client' && e.to === 'SYN-SENT')
        .map((e) => String(e.local).split(':')[0]),
    );
    expect([...srcs]).toEqual(['172.16.132.78', '172.16.132.90'].slice(1));
    const bad = rt.exec({ host: 'client', command: 'ab -n 4 -B 10.9.9.9 http://172.16.132.18/' });
    expect([bad.exit, bad.stderr]).toEqual([99, 'bind: Cannot assign requested address (99)\n']);
    expect(rt.exec({ host: 'client', command: 'ab http://172.16.132.18' }).stderr).toMatch(
      /^ab: invalid URL\nUsage: ab /,
    );
    expect(rt.exec({ host: 'client', command: 'ab -n 0 http://172.16.132.18/' }).stderr).toBe(
      'Invalid number of requests\n',
    );
    rt.exec({ host: 'rs1', command: 'systemctl stop httpd' });
    rt.exec({ host: 'rs2', command: 'systemctl stop httpd' });
    const refused = rt.exec({ host: 'client', command: 'ab -n 4 http://172.16.132.18/' });
    expect([refused.exit, refused.stderr]).toEqual([111, 'apr_socket_recv: Connection refused (111)\n']);
  });
});
