/**
 * Runs a daemon's script (keepalived's MISC_CHECK, vrrp_script, notify) in a fresh shell of the
 * host, letting virtual time pass for its waits, without blocking the terminal's command.
 */
import type { Sim } from '../core/sim';
import type { Shell, ShellResult } from '../shell/shell';
import type { Wait } from '../shell/types';

const POLL_US = 1000;

export function driveScript(
  sim: Sim,
  shell: Shell,
  command: string,
  timeoutUs: number,
  done: (exit: number | 'timeout') => void,
): void {
  const deadline = timeoutUs > 0 ? sim.now + timeoutUs : Number.POSITIVE_INFINITY;
  let timedOut = false;
  const gen: Generator<Wait, ShellResult, void> = shell.run(command, {}, () => timedOut);
  const step = (): void => {
    for (;;) {
      const r = gen.next();
      if (r.done) {
        done(timedOut ? 'timeout' : r.value.status);
        return;
      }
      const w = r.value;
      if (w.kind === 'sleep') {
        sim.after(Math.max(0, Math.min(w.us, deadline - sim.now)), 'script', () => {
          if (sim.now >= deadline) timedOut = true;
          step();
        });
        return;
      }
      if (w.done()) continue;
      const poll = (): void => {
        if (sim.now >= deadline) timedOut = true;
        if (timedOut || w.done() || (w.deadlineUs !== undefined && sim.now >= w.deadlineUs)) step();
        else sim.after(POLL_US, 'script', poll);
      };
      sim.after(POLL_US, 'script', poll);
      return;
    }
  };
  sim.after(0, 'script', step);
}
