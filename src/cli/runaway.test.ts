/**
 * Runaway and hostile commands in the lab runner: each ends as on Linux (interrupted by
 * --max-time, out of memory, or simply done) with the output a real system gives, and within a
 * generous wall-clock bound (a hang check, not a benchmark).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HANG_MS, labRunner } from './labRunnerRows';
import type { Row } from './labRunnerRows';
import { main } from './lvs-lab';

const { dir, runLines } = labRunner('lvs-lab-runaway-');

function runOne(line: string, args: string[] = []): Row & { took: number } {
  const [before, row] = runLines(['client# echo start', line], args);
  return { ...row!, took: row!.time - before!.time };
}

describe('runaway commands stop as on Linux', () => {
  test(
    'until false; do sleep 0; done: interrupted at --max-time 2 (each pass starts a process)',
    () => {
      const r = runOne('client# until false; do sleep 0; done', ['--max-time', '2']);
      expect(r).toMatchObject({ stdout: '', stderr: '', exit: 130 });
      expect(r.took).toBeGreaterThanOrEqual(2);
      expect(r.took).toBeLessThan(2.5);
    },
    HANG_MS,
  );

  test(
    'the terminal form shows ^C for it',
    () => {
      const file = join(dir, 'ctrlc.txt');
      writeFileSync(file, 'client# until false; do sleep 0; done\n');
      let out = '';
      expect(main(['--max-time', '1', file], (s) => (out += s))).toBe(0);
      expect(out).toBe('[root@client ~]# until false; do sleep 0; done\n^C\n');
    },
    HANG_MS,
  );

  test(
    'while true; do curl -s 127.0.0.1:888; done on a NAT real server: pages until --max-time 2',
    () => {
      const [r] = runLines(['rs1# while true; do curl -s 127.0.0.1:888; done'], ['--max-time', '2']);
      expect(r).toMatchObject({ stderr: '', exit: 130 });
      const pages = r!.stdout.split('\n').filter((l) => l !== '');
      expect(new Set(pages)).toEqual(new Set(['rs1']));
      // About a process start per request: hundreds, not millions and not a handful.
      expect(pages.length).toBeGreaterThan(200);
      expect(pages.length).toBeLessThan(2001);
    },
    HANG_MS,
  );

  test(
    'x=a; while true; do x=$x$x; done: bash runs out of memory and the shell exits (status 2)',
    () => {
      const rows = runLines(['client# x=a; while true; do x=$x$x; done', 'client# echo ${#x}']);
      expect(rows[0]).toMatchObject({
        stdout: '',
        stderr: 'bash: xrealloc: cannot allocate 67108992 bytes\n',
        exit: 2,
      });
      // The terminal's shell died; the next command runs in a fresh login shell.
      expect(rows[1]).toMatchObject({ stdout: '0\n', exit: 0 });
    },
    HANG_MS,
  );

  test(
    'seq 1 100000000 | wc -l counts every line, streaming (bounded memory), in seconds of virtual time',
    () => {
      const r = runOne('client# seq 1 100000000 | wc -l');
      expect(r).toMatchObject({ stdout: '100000000\n', stderr: '', exit: 0 });
      expect(r.took).toBeGreaterThan(1);
      expect(r.took).toBeLessThan(60);
    },
    HANG_MS,
  );

  test(
    'seq 1 100000000 | wc -l with --max-time 2 is interrupted like on Linux',
    () => {
      const r = runOne('client# seq 1 100000000 | wc -l', ['--max-time', '2']);
      expect(r).toMatchObject({ stdout: '', stderr: '', exit: 130 });
    },
    HANG_MS,
  );

  test(
    "printf '%.999999999f' 1 prints all the digits (as bash does), of which the terminal keeps 1 MiB",
    () => {
      const r = runOne("client# printf '%.999999999f' 1");
      expect(r).toMatchObject({ stderr: '', exit: 0 });
      expect(r.stdout).toBe(`1.${'0'.repeat((1 << 20) - 2)}`);
      const counted = runOne("client# printf '%.999999999f' 1 | wc -c");
      expect(counted).toMatchObject({ stdout: '1000000001\n', stderr: '', exit: 0 });
    },
    HANG_MS,
  );

  test(
    "printf '%*d' 1000000000 1 pads to a billion bytes; past INT_MAX bash warns and clamps",
    () => {
      const r = runOne("client# printf '%*d' 1000000000 1 | wc -c");
      expect(r).toMatchObject({ stdout: '1000000000\n', stderr: '', exit: 0 });
      const shown = runOne("client# printf '%*d' 1000000000 1");
      expect(shown).toMatchObject({ stdout: ' '.repeat(1 << 20), stderr: '', exit: 0 });
      const big = runOne("client# printf 'a%.9999999999fb\\n' 1; printf '%*d' 3000000000 1 | wc -c", [
        '--max-time',
        '1',
      ]);
      expect(big.stdout).toBe('ab\n');
      expect(big.stderr).toBe('bash: printf: warning: 1: Numerical result out of range\n');
      expect(big.exit).toBe(130);
    },
    HANG_MS,
  );
});

describe('--trace streams a long run', () => {
  test(
    'a run of 400 requests is written as a JSON array, one event per line',
    () => {
      const trace = join(dir, 'trace.json');
      const pcap = join(dir, 'run.pcapng');
      const rows = runLines(
        ['client# for i in $(seq 1 400); do curl -s 172.16.132.18 >/dev/null; done', 'client# echo done'],
        ['--trace', trace, '--pcap', pcap],
      );
      expect(rows[1]).toMatchObject({ stdout: 'done\n', exit: 0 });
      const text = readFileSync(trace, 'utf8');
      const events = JSON.parse(text) as { seq: number; kind: string }[];
      const lines = text.trimEnd().split('\n');
      expect(lines.length).toBe(events.length + 2);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
      expect(events[events.length - 1]!.kind).toBe('cmd.end');
      expect(events.length).toBeGreaterThan(400 * 10);
      expect(readFileSync(pcap).length).toBeGreaterThan(400 * 5 * 60);
    },
    HANG_MS,
  );
});
