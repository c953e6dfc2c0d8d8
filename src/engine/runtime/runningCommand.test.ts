import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SEC } from '../core/sim';
import { LabRuntime } from './labRuntime';

/** The seed article's loop: a request every half second until Ctrl-C. */
const LOOP = 'while true;do curl 172.16.132.18 ; sleep 0.5 ; done';

function viaExec(maxTimeUs: number, command = LOOP) {
  const rt = LabRuntime.create('nat');
  const result = rt.exec({ host: 'client', command, maxTimeUs });
  return { result, trace: JSON.stringify(rt.trace) };
}

function live(cuts: number[], total: number, command = LOOP) {
  const rt = LabRuntime.create('nat');
  const run = rt.begin({ host: 'client', command });
  for (const c of cuts) expect(run.advanceTo(run.startUs + c)).toBe(false);
  expect(run.advanceTo(run.startUs + total)).toBe(false);
  const result = run.interrupt();
  return { result, trace: JSON.stringify(rt.trace), run };
}

describe('a command run live (begin / advanceTo / interrupt)', () => {
  test('the curl loop interrupted at T equals exec with maxTimeUs T', () => {
    const { result, trace, run } = live([1, 250_000, 600_000], 2 * SEC);
    const ref = viaExec(2 * SEC);
    expect(result).toEqual(ref.result);
    expect(trace).toBe(ref.trace);
    expect(result.interrupted).toBe(true);
    expect(result.exit).toBe(130);
    expect(run.done).toBe(true);
    expect(run.result).toBe(result);
    expect(result.stdout.match(/rs\d/g)?.length).toBeGreaterThanOrEqual(3);
  });

  test('any chunking of virtual time gives the byte-identical trace and result', () => {
    const total = 1_700_000;
    const ref = viaExec(total);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: total - 1 }), { maxLength: 12 }), (cuts) => {
        const got = live(
          [...cuts].sort((a, b) => a - b),
          total,
        );
        expect(got.result).toEqual(ref.result);
        expect(got.trace).toBe(ref.trace);
      }),
      { numRuns: 25 },
    );
  });

  test.each([
    ['a loop that never sleeps', 'i=0; while true; do i=$((i+1)); echo $i; done'],
    ['a loop of process starts', 'until false; do sleep 0; done'],
    [
      'a busy loop between requests',
      'while true; do curl -s 172.16.132.18; for i in 1 2 3; do :; done; done',
    ],
  ])('%s: chunked live runs equal exec with the same limit', (_name, command) => {
    const total = 20_000;
    const ref = viaExec(total, command);
    expect(ref.result).toMatchObject({ interrupted: true, exit: 130 });
    expect(ref.result.end - ref.result.start).toBeGreaterThanOrEqual(total);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: total - 1 }), { maxLength: 8 }), (cuts) => {
        const got = live(
          [...cuts].sort((a, b) => a - b),
          total,
          command,
        );
        expect(got.result).toEqual(ref.result);
        expect(got.trace).toBe(ref.trace);
      }),
      { numRuns: 10 },
    );
  });

  test('output streams while the command runs, and Ctrl-C before any time passed still matches exec', () => {
    const rt = LabRuntime.create('nat');
    const run = rt.begin({ host: 'client', command: LOOP });
    expect(run.output.stdout).toBe('');
    run.advanceTo(run.startUs + SEC);
    expect(run.output.stdout).toMatch(/rs\d/);
    expect(run.done).toBe(false);
    const r0 = LabRuntime.create('nat');
    const now = r0.begin({ host: 'client', command: LOOP }).interrupt();
    expect(now).toEqual(viaExec(0).result);
  });

  test('a command that ends by itself finishes on its own, as exec runs it', () => {
    const rt = LabRuntime.create('nat');
    const run = rt.begin({ host: 'client', command: 'curl -s 172.16.132.18; sleep 1; echo end' });
    expect(run.advanceTo(run.startUs + 500_000)).toBe(false);
    expect(run.advanceTo(run.startUs + 10 * SEC)).toBe(true);
    expect(run.result!.interrupted).toBe(false);
    expect(run.result!.stdout).toMatch(/end\n$/);
    const ref = LabRuntime.create('nat');
    expect(ref.exec({ host: 'client', command: 'curl -s 172.16.132.18; sleep 1; echo end' })).toEqual(
      run.result,
    );
    expect(JSON.stringify(ref.trace)).toBe(JSON.stringify(rt.trace));
  });

  test('one command at a time', () => {
    const rt = LabRuntime.create('nat');
    rt.begin({ host: 'client', command: LOOP });
    expect(() => rt.exec({ host: 'director', command: 'ipvsadm -Ln' })).toThrow(/still running/);
  });
});
