import { describe, expect, it } from 'vitest';
import { runWithDeadline } from './driver';
import { createMemoryFs } from './memoryFs';
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
    expect(r.tookUs).toBe(1_500_000 + 2_000_000 + 30_000_000 + 1_000_000);
    expect(r.steps).toBe(3);
  });

  it('unwinds loops and functions on Ctrl-C with status 130, running the command’s finally', () => {
    const t = createTestShell({ commands: () => ({ ticker }) });
    const r = t.run('f() { while true; do ticker; done; }; f; echo after', { deadlineUs: 1_000_000 });
    expect(r).toMatchObject({ status: 130, interrupted: true, out: 'start\ncleaned up\n' });
    expect(t.run('echo $?').out).toBe('130\n');
  });

  it('gives the driver a turn in a loop that never waits', () => {
    const t = createTestShell();
    const r = t.run('while true; do :; done', { maxSteps: 5 });
    expect(r).toMatchObject({ status: 130, interrupted: true, tookUs: 0 });
  });

  it('can charge virtual time for busy loops', () => {
    let now = 0;
    const shell = createShell({ hostname: 'h', now: () => now, commands: new Map() }, createMemoryFs(), {
      spinUs: 10_000,
    });
    const r = runWithDeadline(
      (i) => shell.run('while true; do :; done', {}, i),
      (w) => (now += w.kind === 'sleep' ? w.us : 0),
      {
        now: () => now,
        deadlineUs: 1_000_000,
        maxSteps: 1_000_000,
      },
    );
    expect(r.result.status).toBe(130);
    expect(now).toBe(1_000_000);
  });
});
