import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { Terminal } from '@xterm/xterm';
import { sessionOf } from '@/store/createAppStore';
import type { AppStore } from '@/store/createAppStore';
import type { LineState } from './lineEditor';
import type { OutputQueue } from './outputQueue';
import { prompt } from './terminalHistory';
import { replayStart, replayTerminal, touchesTerminal } from './terminalReplay';
import type { ReplayState } from './terminalReplay';

/**
 * What the terminal shows is a function of (trace, cursor): output appears when playback reaches
 * the moment the tool printed it, and scrubbing back hides it again. Moving forward appends
 * (through the output queue, a bounded piece per frame); only a new command line after a prompt,
 * a step back or a new session draws the terminal again from the start.
 */
export function useTerminalDrawing(
  ready: boolean,
  store: AppStore,
  host: string,
  setupNote: string,
  term: RefObject<Terminal | null>,
  out: RefObject<OutputQueue | null>,
  line: RefObject<LineState>,
  /** Set by the terminal when Ctrl-C echoed `^C` itself: the open command's output from here is flushed. */
  sigint: RefObject<boolean>,
): void {
  useEffect(() => {
    if (!ready) return;
    const drawn: { rt: object | null; pos: number; state: ReplayState } = {
      rt: null,
      pos: 0,
      state: replayStart,
    };
    const tail = () => {
      const l = line.current;
      return (l.pending.length ? '> ' : prompt(host)) + l.buffer;
    };
    const draw = () => {
      const tm = term.current;
      const q = out.current;
      if (!tm || !q) return;
      const st = store.getState();
      const rt = sessionOf(store).view;
      const trace = rt.trace;
      const cursor = st.cursor < 0 ? trace.length : Math.min(st.cursor, trace.length);
      const isSetup = (i: number) => rt.results[i]?.setup ?? false;
      if (drawn.rt === rt && cursor >= drawn.pos) {
        if (!touchesTerminal(trace, drawn.pos, cursor, host)) {
          drawn.pos = cursor;
          return;
        }
        // Output of an open command: append it, and the prompt once it ended (none to take back).
        if (drawn.state.open) {
          const from = sigint.current ? { ...drawn.state, flushed: true } : drawn.state;
          sigint.current = false;
          const more = replayTerminal(trace, drawn.pos, cursor, host, isSetup, setupNote, from);
          q.push(more.state.open ? more.text : more.text + tail());
          drawn.pos = cursor;
          drawn.state = more.state;
          return;
        }
      }
      // Drawn again from the start: the whole output, as the trace holds it.
      sigint.current = false;
      const all = replayTerminal(trace, 0, cursor, host, isSetup, setupNote, replayStart);
      q.clear();
      q.then(() => tm.reset());
      q.push(all.state.open ? all.text : all.text + tail());
      Object.assign(drawn, { rt, pos: cursor, state: all.state });
    };
    draw();
    return store.subscribe((st, prev) => {
      if (st.cursor !== prev.cursor || st.spec !== prev.spec || st.revision !== prev.revision) draw();
    });
  }, [ready, store, host, setupNote, term, out, line, sigint]);
}
