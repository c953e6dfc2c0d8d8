import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/testLab';
import { driveBareShell as drive } from '../testing/bareShell';
import { CENTOS7_VM_COSTS } from './cpu';
import type { CommandImpl } from './types';

describe('waits and interruption', () => {
  const ticker: CommandImpl = function* (ctx) {
    ctx.out('start\n');
    try {
      yield { kind: 'until', done: () => false, deadlineUs: ctx.host.now() + 5_000_000 };
      ctx.out('never\n');
    } finally {
      ctx.out('cleaned up\n');
    }
    return 0;
  };
  const SLEEPS = 'sleep 1.5; sleep 2s; sleep 0.5m 1';

  it('passes a command’s Waits to the driver and lets virtual time pass', () => {
    const t = new TestLab('nat');
    const r = t.sh('client', SLEEPS, { maxUs: 100_000_000 });
    const slept = 1_500_000 + 2_000_000 + 30_000_000 + 1_000_000;
    // Plus three process starts (about a millisecond each) and the shell's own microseconds.
    expect(r.tookUs - slept).toBeGreaterThanOrEqual(3 * 1000);
    expect(r.tookUs - slept).toBeLessThan(3 * 1000 + 100);
    expect(drive(SLEEPS, 100_000_000).steps).toBe(3 + 3);
  });

  it('unwinds loops and functions on Ctrl-C with status 130, running the command’s finally', () => {
    const t = new TestLab('nat').withProgram('client', 'ticker', ticker);
    const r = t.sh('client', 'f() { while true; do ticker; done; }; f; echo after', {
      interruptAfterUs: 1_000_000,
    });
    expect(r).toMatchObject({ status: 130, interrupted: true, out: 'start\ncleaned up\n' });
    expect(t.ok('client', 'echo $?')).toBe('130\n');
  });

  it('charges virtual CPU time, so a loop that never waits reaches its deadline', () => {
    const t = new TestLab('nat');
    const r = t.sh('client', 'while true; do :; done', { interruptAfterUs: 20_000 });
    expect(r).toMatchObject({ status: 130, interrupted: true });
    // A pass costs a few µs: the clock gets its turn every millisecond of CPU.
    expect(r.tookUs).toBeGreaterThanOrEqual(20_000);
    expect(r.tookUs).toBeLessThan(22_000);
    const d = drive('while true; do :; done', 20_000);
    expect(d).toMatchObject({ status: 130 });
    expect(d.steps).toBeGreaterThanOrEqual(20);
  });

  it('a custom cost table changes what a busy loop costs', () => {
    const cpu = { ...CENTOS7_VM_COSTS, loopIterationNs: 1_000_000, commandNs: 0 };
    const d = drive('while true; do :; done', 1_000_000, cpu);
    expect(d.status).toBe(130);
    expect(d.now).toBe(1_000_000);
    expect(d.passes).toBe(1000);
  });

  it('an external program costs a process start; a builtin costs microseconds', () => {
    const t = new TestLab('nat');
    expect(t.sh('client', 'true').tookUs).toBeLessThan(100);
    expect(t.sh('client', 'sleep 0').tookUs).toBe(CENTOS7_VM_COSTS.processStartNs / 1000 + 2);
  });
});
