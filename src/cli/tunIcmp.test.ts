import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from './lvs-lab';

interface Row {
  host: string;
  command: string;
  stderr: string;
  exit: number;
  time: number;
}

function run(args: string[]): Row[] {
  let out = '';
  main(args, (s) => (out += s));
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
}

describe('TUN lab: real servers that cannot take IPIP make curl fail at once (ip_vs_in_icmp)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tun-icmp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tracePath = join(dir, 'trace.json');
  // rs1 has no ipip module (protocol unreachable); rs2 has tunl0 down (port unreachable).
  const rows = run([
    '--lab',
    'tun',
    '--bare',
    '--json',
    '--trace',
    tracePath,
    join(__dirname, 'fixtures', 'tun-icmp.txt'),
  ]);
  const curls = rows.filter((r) => r.command.startsWith('curl'));

  test('every curl exits 7 well before its 5 s limit', () => {
    expect(curls).toHaveLength(3);
    for (const c of curls) {
      expect(c.exit).toBe(7);
      expect(c.time).toBeLessThan(0.5);
    }
  });

  test('the relayed error tells which real server failed how', () => {
    const msgs = curls.map((c) => c.stderr);
    expect(msgs).toContain('curl: (7) Failed connect to 192.168.99.188:80; Protocol not available\n');
    expect(msgs).toContain('curl: (7) Failed connect to 192.168.99.188:80; Connection refused\n');
  });

  test('the director relays each error to the client from the VIP (trace)', () => {
    const trace = JSON.parse(readFileSync(tracePath, 'utf8')) as Record<string, unknown>[];
    const relays = trace.filter((e) => e.kind === 'ipvs.icmp' && e.action === 'relay');
    expect(relays.map((e) => e.code).sort()).toEqual([2, 3, 3]);
    expect(relays.every((e) => e.to === '172.16.132.78' && e.host === 'director')).toBe(true);
    const sent = trace.filter((e) => e.kind === 'icmp.send' && e.host === 'director');
    expect(sent).toHaveLength(3);
  });
});
