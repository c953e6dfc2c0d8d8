import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { Terminal } from '@xterm/xterm';
import type { TraceLog } from '@/engine';
import { sessionOf } from '@/store/createAppStore';
import type { AppStore } from '@/store/createAppStore';
import type { LineState } from './lineEditor';
import type { OutputQueue } from './outputQueue';
import { prompt } from './terminalHistory';
import { sharedPrefix } from '../model/sharedPrefix';
import { replayStart, replayTerminal, touchesTerminal } from './terminalReplay';
import type { ReplayState } from './terminalReplay';

/** What a terminal has drawn: for which session and trace, up to where, and the text (no prompt). */
interface Drawn {
  rt: object | null;
  trace: TraceLog | null;
  pos: number;
  state: ReplayState;
  /** Null once it grew past KEEP_TEXT (a runaway command): a redraw then reads the trace again. */
  text: string | null;
}

/** Characters of drawn text kept to redraw from (xterm's own scrollback holds about this much). */
const KEEP_TEXT = 1 << 20;

function keep(text: string | null, more: string): string | null {
  return text === null || text.length + more.length > KEEP_TEXT ? null : text + more;
}

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
    const drawn: Drawn = { rt: null, trace: null, pos: 0, state: replayStart, text: '' };
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
      // A fork's trace shares its first events with the one drawn: up to there, so does the terminal.
      const shared = drawn.trace && drawn.rt !== rt ? sharedPrefix(trace) : undefined;
      const goesOn =
        (drawn.rt === rt || (shared?.base === drawn.trace && drawn.pos <= shared.kept)) &&
        cursor >= drawn.pos;
      if (goesOn) {
        drawn.rt = rt;
        drawn.trace = trace;
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
          // Output flushed by Ctrl-C is not on screen, but a redraw from the trace shows it all.
          drawn.text = from.flushed ? null : keep(drawn.text, more.text);
          return;
        }
      }
      // Drawn again from the start: the whole output, as the trace holds it (what was drawn up
      // to `drawn.pos` is that output's start when the trace goes on from there).
      sigint.current = false;
      const known = goesOn && drawn.text !== null;
      const rest = known
        ? replayTerminal(trace, drawn.pos, cursor, host, isSetup, setupNote, drawn.state)
        : replayTerminal(trace, 0, cursor, host, isSetup, setupNote, replayStart);
      const all = { text: known ? drawn.text + rest.text : rest.text, state: rest.state };
      q.clear();
      q.then(() => tm.reset());
      q.push(all.state.open ? all.text : all.text + tail());
      Object.assign(drawn, { rt, trace, pos: cursor, state: all.state, text: keep('', all.text) });
    };
    draw();
    return store.subscribe((st, prev) => {
      if (st.cursor !== prev.cursor || st.spec !== prev.spec || st.revision !== prev.revision) draw();
    });
  }, [ready, store, host, setupNote, term, out, line, sigint]);
}
