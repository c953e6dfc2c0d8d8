import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from './lvs-lab';

/** Schedulers under load, through the lab runner as a student would drive it (issue 12). */
const dir = mkdtempSync(join(tmpdir(), 'lvs-lab-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  host: string;
  command: string;
  stdout: string;
  stderr: string;
  exit: number;
}

function lab(args: string[], transcript: string[], trace?: string): Row[] {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, `${transcript.join('\n')}\n`);
  let out = '';
  const code = main(['--json', ...args, ...(trace ? ['--trace', trace] : []), file], (s) => (out += s));
  expect(code).toBe(0);
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
}

/** hash_32(val, 8) of current kernels: (val · GOLDEN_RATIO_32) >> 24, in 32-bit arithmetic. */
function hash32(val: number, bits: number): number {
  return Number((BigInt(val >>> 0) * 0x61c88647n) & 0xffffffffn) >>> (32 - bits);
}
const u32 = (ip: string): number => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);

/** Conns per real server from `ipvsadm -Ln --stats`. */
function conns(stats: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of stats.split('\n')) {
    const r = /^ {2}-> (\S+):\d+ +(\d+)/.exec(line);
    if (r) m.set(r[1] ?? '', Number(r[2]));
  }
  return m;
}

const CGI = (host: string, sleep: number) => [
  `${host}# mkdir -p /var/www/cgi-bin`,
  `${host}# printf '#!/bin/bash\\necho Content-Type: text/plain\\necho\\nsleep ${sleep}\\necho ${host}\\n' > /var/www/cgi-bin/work`,
];

describe('load that makes the schedulers teach', () => {
  test('sh with 4 clients: each client always reaches one server, the kernel’s bucket of its address', () => {
    const clients = ['client', 'client2', 'client3', 'client4'];
    const rows = lab(
      ['--lab', 'nat', '--servers', '4', '--clients', '4'],
      [
        'director# ipvsadm -E -t 172.16.132.18:80 -s sh',
        ...[1, 2, 3].flatMap(() => clients.map((c) => `${c}# curl -s 172.16.132.18`)),
      ],
    );
    // Destinations sit in the kernel's list newest first (list_add): rs4, rs3, rs2, rs1; with
    // weight 1 each, bucket i belongs to the (i mod 4)-th of them (ip_vs_sh_reassign).
    const list = ['rs4', 'rs3', 'rs2', 'rs1'];
    clients.forEach((c, j) => {
      const pages = rows.filter((r) => r.host === c).map((r) => r.stdout.trim());
      expect(pages).toHaveLength(3);
      const bucket = hash32(u32(`172.16.132.${78 + j}`), 8);
      expect(pages).toEqual([1, 2, 3].map(() => list[bucket % 4]));
    });
  });

  test('a slow CGI on rs1 only, ab -n 40 -c 8: lc sends rs1 fewer requests than rr does', () => {
    const run = (sched: string): Map<string, number> => {
      const rows = lab(
        ['--lab', 'nat'],
        [
          ...CGI('rs1', 2),
          ...CGI('rs2', 0),
          `director# ipvsadm -E -t 172.16.132.18:80 -s ${sched}`,
          'client# ab -l -n 40 -c 8 http://172.16.132.18/cgi-bin/work',
          'director# ipvsadm -Ln --stats',
        ],
      );
      const ab = rows.find((r) => r.command.startsWith('ab '))!;
      expect(ab.stdout).toContain('Complete requests:      40\nFailed requests:        0\n');
      return conns(rows.at(-1)!.stdout);
    };
    const rr = run('rr');
    const lc = run('lc');
    expect(rr.get('192.168.99.130')).toBe(20);
    expect(lc.get('192.168.99.130')! + lc.get('192.168.99.140')!).toBe(40);
    expect(lc.get('192.168.99.130')!).toBeLessThan(rr.get('192.168.99.130')!);
  });

  test('wlc with weights 3 and 1, 40 overlapping connections: ActiveConn ends near 3 : 1', () => {
    const trace = join(dir, 'wlc.json');
    lab(
      ['--lab', 'dr'],
      [
        ...CGI('rs1', 5),
        ...CGI('rs2', 5),
        'director# ipvsadm -E -t 192.168.99.188:80 -s wlc',
        'director# ipvsadm -e -t 192.168.99.188:80 -r 192.168.99.140 -g -w 3',
        'client# ab -n 40 -c 40 http://192.168.99.188/cgi-bin/work',
      ],
      trace,
    );
    type Cand = { dest: string; active: number };
    const events = JSON.parse(readFileSync(trace, 'utf8')) as {
      kind: string;
      dest?: string;
      explanation?: { candidates: Cand[] };
    }[];
    const last = events.filter((e) => e.kind === 'ipvs.schedule').at(-1)!;
    const active = new Map(last.explanation!.candidates.map((c) => [c.dest, c.active]));
    // The 40th connection joins the server wlc chose for it.
    active.set(last.dest!, (active.get(last.dest!) ?? 0) + 1);
    const ratio = active.get('192.168.99.140:80')! / active.get('192.168.99.150:80')!;
    expect(ratio).toBeGreaterThanOrEqual(2.5);
    expect(ratio).toBeLessThanOrEqual(3.5);
  });
});
