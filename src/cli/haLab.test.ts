import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from './lvs-lab';

const fixture = (name: string): string => join(__dirname, 'fixtures', name);

describe('lvs-lab --lab ha', () => {
  test('a transcript: a real server out and back on both directors, a failover to director2 and director1 preempting', () => {
    let out = '';
    const code = main(['--lab', 'ha', '--json', fixture('ha-failover.txt')], (s) => (out += s));
    expect(code).toBe(0);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { host: string; command: string; stdout: string; exit: number });
    const tables = rows.filter((r) => r.command === 'ipvsadm -Ln').map((r) => r.stdout);
    expect(tables[0]).not.toContain('192.168.99.140:80');
    expect(tables[0]).toContain('192.168.99.150:80');
    expect(tables[1]).toContain('192.168.99.140:80');
    expect(rows.find((r) => r.command === 'ip addr show eth0')!.stdout).toContain(
      'inet 192.168.99.188/32 scope global eth0',
    );
    expect(rows.find((r) => r.command.startsWith('arp -n'))!.stdout).toContain('52:54:00:00:04:00');
    expect(rows.filter((r) => r.command.startsWith('curl')).at(-1)!.stdout).toMatch(/^rs[12]\n$/);
    expect(rows.find((r) => r.command === 'ip -4 addr show eth0')!.stdout).toContain('192.168.99.188');
    expect(
      rows
        .at(-1)!
        .stdout.split('\n')
        .slice(1, 4)
        .map((l) => l.replace(/^.*?\]: /, '')),
    ).toEqual([
      'VRRP_Instance(VI_1) Received advert with higher priority 100, ours 90',
      'VRRP_Instance(VI_1) Entering BACKUP STATE',
      'VRRP_Instance(VI_1) removing protocol VIPs.',
    ]);
  });
});
