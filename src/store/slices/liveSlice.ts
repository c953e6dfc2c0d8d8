import type { StateCreator } from 'zustand';
import { DEFAULT_MAX_TIME_US, INSTANT_COMMAND_US } from '@/engine';
import type { RunningCommand } from '@/engine';
import type { LabSpec, LogEntry } from '../labSpec';
import { getRuntime, recordLive } from '../runtimeCache';
import type { AppState, LiveSlice } from '../types';
import { logBefore } from './labSlice';

/** How many silent simulation events one animation frame may run looking for something to show. */
const MAX_WAKES_PER_FRAME = 200;
/**
 * Wall-clock milliseconds of engine work per animation frame (issue 11: the page never blocks).
 * A wake of a busy command (a loop, `yes`) can cost a lot; stopping here leaves the frame time
 * to draw and to see Ctrl-C. The result does not depend on it: a command run in any chunks ends
 * as if run in one go.
 */
const FRAME_BUDGET_MS = 8;
/**
 * Virtual time one step may cover: a CPU quantum (src/engine/shell/cpu.ts). A busy command's
 * next wake may lie far ahead (every turn of `yes` or of a loop is due at once), so each step is
 * bounded in virtual time, and with virtual CPU charging that bounds its work.
 */
const STEP_US = 1000;
const wallMs = (): number => globalThis.performance?.now() ?? 0;

/**
 * The log entry that replays a live command exactly: Ctrl-C (or a run past the default limit)
 * is recorded as the virtual time it ran, so exec stops it at the same instant.
 */
function entryFor(run: RunningCommand, interrupted: boolean): LogEntry {
  const entry: LogEntry = { host: run.host, command: run.command };
  if (interrupted || run.elapsedUs > DEFAULT_MAX_TIME_US) entry.maxTimeUs = run.elapsedUs;
  return entry;
}

export const createLiveSlice: StateCreator<AppState, [], [], LiveSlice> = (set, get) => {
  /** The command ended: it joins the log (the cached runtime already ran it) and the views redraw. */
  const commit = (run: RunningCommand, interrupted: boolean) => {
    const s = get();
    const entry = entryFor(run, interrupted);
    const spec: LabSpec = { ...s.spec, log: [...s.spec.log, entry] };
    recordLive(spec, entry);
    const rt = getRuntime(spec);
    const end = rt.trace.length;
    set({ spec, running: null, revision: s.revision + 1, playing: s.playing && s.cursor < end });
  };
  return {
    running: null,

    startCommand(host, command) {
      get().interruptCommand();
      const s = get();
      const before = getRuntime(s.spec);
      const inPast = s.cursor < before.trace.length && !s.playing;
      // The log without the running command: the runtime it runs on is the cached one for this spec.
      const spec: LabSpec = { ...s.spec, log: inPast ? logBefore(s.spec, s.cursor) : [...s.spec.log] };
      const rt = getRuntime(spec);
      const run = rt.begin({ host, command });
      const keepWatching = s.playing && s.cursor < before.trace.length && !inPast;
      set({
        spec,
        running: run,
        revision: s.revision + 1,
        terminalHost: host,
        playing: true,
        ...(keepWatching ? {} : { cursor: rt.trace.length, simTime: rt.sim.now }),
      });
      // What needs next to no virtual time (ipvsadm, echo …: a process start) ends at once.
      if (!run.advanceTo(rt.sim.now + INSTANT_COMMAND_US)) return;
      commit(run, false);
      // Its output is all printed at the instant it was typed: show it now, unless playback is
      // still animating something earlier.
      if (!keepWatching) set({ cursor: rt.trace.length, simTime: rt.sim.now, playing: false });
    },

    interruptCommand() {
      const run = get().running;
      if (!run) return;
      if (!run.done) run.interrupt();
      commit(run, run.result!.interrupted);
    },

    advanceRunning() {
      const run = get().running;
      if (!run) return;
      const rt = getRuntime(get().spec);
      const length = rt.trace.length;
      const until = wallMs() + FRAME_BUDGET_MS;
      for (let i = 0; i < MAX_WAKES_PER_FRAME && !run.done && rt.trace.length === length; i++) {
        if (i > 0 && wallMs() > until) break;
        const wake = run.nextWakeUs();
        if (wake === undefined) break;
        run.advanceTo(Math.min(wake, rt.sim.now + STEP_US));
      }
      if (run.done) commit(run, run.result!.interrupted);
    },
  };
};
