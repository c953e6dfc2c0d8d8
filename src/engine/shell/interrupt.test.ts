import { describe, expect, it } from 'vitest';
import { runWithDeadline } from './driver';
import { createMemoryFs } from './memoryFs';
import { CENTOS7_VM_COSTS } from './cpu';
import { createShell } from './shell';
import { createTestShell } from './testKit';
import type { CommandImpl } from './types';

describe('waits and interruption', () => {
  const ticker: CommandImpl = function* (ctx) {
    ctx.out('start\n');
    try {
      yield { kind: 'until', done: () => false, deadlineUs: 5_000_000 };
      ctx.out('never\n');
    } finally {
      ctx.out('cleaned up\n');
    }
    return 0;
  };

  it('passes a command’s Waits to the driver and lets virtual time pass', () => {
    const t = createTestShell();
    const r = t.run('sleep 1.5; sleep 2s; sleep 0.5m 1', { deadlineUs: 100_000_000 });
    const slept = 1_500_000 + 2_000_000 + 30_000_000 + 1_000_000;
    // Plus three process starts (about a millisecond each) and the shell's own microseconds.
    expect(r.tookUs - slept).toBeGreaterThanOrEqual(3 * 1000);
    expect(r.tookUs - slept).toBeLessThan(3 * 1000 + 100);
    expect(r.steps).toBe(3 + 3);
  });

  it('unwinds loops and functions on Ctrl-C with status 130, running the command’s finally', () => {
    const t = createTestShell({ commands: () => ({ ticker }) });
    const r = t.run('f() { while true; do ticker; done; }; f; echo after', { deadlineUs: 1_000_000 });
    expect(r).toMatchObject({ status: 130, interrupted: true, out: 'start\ncleaned up\n' });
    expect(t.run('echo $?').out).toBe('130\n');
  });

  it('charges virtual CPU time, so a loop that never waits reaches its deadline', () => {
    const t = createTestShell();
    const r = t.run('while true; do :; done', { deadlineUs: 20_000 });
    expect(r).toMatchObject({ status: 130, interrupted: true });
    // A pass costs a few µs: the clock gets its turn every millisecond of CPU.
    expect(r.tookUs).toBeGreaterThanOrEqual(20_000);
    expect(r.tookUs).toBeLessThan(22_000);
    expect(r.steps).toBeGreaterThanOrEqual(20);
  });

  it('a custom cost table changes what a busy loop costs', () => {
    let now = 0;
    const cpu = { ...CENTOS7_VM_COSTS, loopIterationNs: 1_000_000, commandNs: 0 };
    const shell = createShell({ hostname: 'h', now: () => now, commands: new Map() }, createMemoryFs(), {
      cpu,
    });
    let passes = 0;
    const r = runWithDeadline(
      (i) => shell.run('while true; do :; done', {}, i),
      (w) => {
        passes++;
        now += w.kind === 'sleep' ? w.us : 0;
      },
      { now: () => now, deadlineUs: 1_000_000, maxSteps: 1_000_000 },
    );
    expect(r.result.status).toBe(130);
    expect(now).toBe(1_000_000);
    expect(passes).toBe(1000);
  });

  it('an external program costs a process start; a builtin costs microseconds', () => {
    const t = createTestShell({ commands: () => ({ ticker }) });
    expect(t.run('true').tookUs).toBeLessThan(100);
    expect(t.run('sleep 0').tookUs).toBe(CENTOS7_VM_COSTS.processStartNs / 1000 + 2);
  });
});
