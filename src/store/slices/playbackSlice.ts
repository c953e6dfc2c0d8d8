import type { TraceEvent, TraceLog } from '@/engine';
import type { StateCreator } from 'zustand';
import { countAtOrBefore, timeAtIndex } from '@/embed/stableCursor';
import type { SessionClient } from '../session/sessionClient';
import type { AppState, PlaybackSlice } from '../types';

/** Events with t ≤ time: the cursor for a clock reading. */
export const cursorAtTime: (trace: TraceLog, time: number) => number = countAtOrBefore;

export function timeAtCursor(trace: TraceLog, cursor: number): number {
  return (cursor > 0 && cursor <= trace.length ? timeAtIndex(trace, cursor - 1) : undefined) ?? 0;
}

function isFrameEvent(e: TraceEvent | undefined): boolean {
  return e?.kind === 'frame.tx' || e?.kind === 'frame.rx';
}

export const createPlaybackSlice =
  (client: SessionClient): StateCreator<AppState, [], [], PlaybackSlice> =>
  (set, get) => {
    const trace = () => client.view.trace;
    // Not before a long session's first kept event: the events before it were summarised.
    const clamp = (c: number) => Math.max(trace().first ?? 0, Math.min(trace().length, c));
    return {
      // −1 until the lab is loaded: "at the end of whatever the log produced".
      cursor: -1,
      simTime: 0,
      playing: false,

      play() {
        const s = get();
        // A live command goes on from where it is: the trace's end is not the end of it.
        if (s.running) {
          set({ playing: true });
          return;
        }
        const rt = client.view;
        if (s.cursor >= rt.trace.length) {
          // At the end: replay the newest command from its start.
          const last = rt.userResults().pop();
          const from = last ? last.traceFrom + 1 : rt.setupEnd();
          if (from >= rt.trace.length) return;
          set({ cursor: from, simTime: timeAtCursor(rt.trace, from), playing: true });
          return;
        }
        set({ playing: true });
      },
      pause() {
        set({ playing: false });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      seek(cursor) {
        const c = clamp(cursor);
        set({ cursor: c, simTime: timeAtCursor(trace(), c) });
      },
      seekTime(t) {
        const tr = trace();
        const last = (tr.length > 0 ? timeAtIndex(tr, tr.length - 1) : undefined) ?? 0;
        const time = Math.max(0, Math.min(t, last));
        const cursor = cursorAtTime(tr, time);
        set({ simTime: time, cursor, playing: get().playing && cursor < tr.length });
      },
      stepForward() {
        set({ playing: false });
        get().seek(get().cursor + 1);
      },
      stepBack() {
        set({ playing: false });
        get().seek(get().cursor - 1);
      },
      stepFrame(dir) {
        const tr = trace();
        let c = get().cursor + dir;
        while (c > 0 && c < tr.length && !isFrameEvent(tr.at(c - 1))) c += dir;
        set({ playing: false });
        get().seek(c);
      },
    };
  };
