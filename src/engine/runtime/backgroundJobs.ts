/**
 * Drives a shell's background jobs (`cmd &`) on the simulation's clock: a job's sleeps are
 * timers, its waits on the network are checked after every event, so a background curl and a
 * foreground one overlap on the wire exactly as two processes would.
 */
import type { Sim } from '../core/sim';
import type { JobDriver } from '../shell/jobs/jobTable';
import type { Wait } from '../shell/types';

/** Steps a job may take without letting time pass before it is treated as a runaway. */
const MAX_STEPS_AT_ONCE = 1_000_000;

export function simJobDriver(sim: Sim): JobDriver {
  return {
    start(gen) {
      // Each resume starts a new turn; timers and checks of an earlier turn are stale.
      let turn = 0;
      let ended = false;
      const resume = (): void => {
        if (ended) return;
        const mine = ++turn;
        for (let i = 0; i < MAX_STEPS_AT_ONCE; i++) {
          const r = gen.next();
          if (r.done) {
            ended = true;
            return;
          }
          const w: Wait = r.value;
          if (w.kind === 'sleep') {
            sim.after(w.us, 'job', () => turn === mine && resume());
            return;
          }
          if (w.done()) continue;
          sim.watch(() => {
            if (turn !== mine) return true;
            if (!w.done()) return false;
            resume();
            return true;
          });
          if (w.deadlineUs !== undefined) sim.at(w.deadlineUs, 'job', () => turn === mine && resume());
          return;
        }
        // A job that never waits: give the clock a turn and go on later.
        sim.after(1, 'job', () => turn === mine && resume());
      };
      sim.after(0, 'job', resume);
      return { wake: () => sim.after(0, 'job', resume) };
    },
  };
}
