import { runWithDeadline } from '../shell/driver';
import { CENTOS7_VM_COSTS } from '../shell/cpu';
import type { CpuCosts } from '../shell/cpu';
import { createMemoryFs } from '../shell/memoryFs';
import { createShell } from '../shell/shell';

/**
 * The harness's lowest layer: one line through a bare shell (no host, an empty in-memory file
 * system) on the pure driver, whose clock only the shell's own Waits move. For the facts a lab
 * host does not show: how many Waits the shell handed the driver, whether the shell exited, what
 * a different cost table does. Everything a lab host shows goes through TestLab.
 */
export function driveBareShell(source: string, deadlineUs: number, cpu: CpuCosts = CENTOS7_VM_COSTS) {
  let now = 0;
  const shell = createShell({ hostname: 'h', now: () => now, commands: new Map() }, createMemoryFs(), {
    cpu,
  });
  let passes = 0;
  let out = '';
  const r = runWithDeadline(
    (i) => shell.run(source, { out: (s) => (out += s) }, i),
    (w) => {
      passes++;
      if (w.kind === 'sleep') now += w.us;
      else if (!w.done()) now = Math.max(now, w.deadlineUs ?? now);
    },
    { now: () => now, deadlineUs, maxSteps: 1_000_000 },
  );
  return { status: r.result.status, exited: r.result.exited, out, now, passes, steps: r.steps };
}
