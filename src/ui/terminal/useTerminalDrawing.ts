import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { Terminal } from '@xterm/xterm';
import { sessionOf } from '@/store/createAppStore';
import type { AppStore } from '@/store/createAppStore';
import type { TraceLog } from '@/engine';
import { sharedPrefix } from '../model/sharedPrefix';
import type { LineState } from './lineEditor';
import type { OutputQueue } from './outputQueue';
import { boldPrompt, replayFrom, replayStart, replayTerminal, touchesTerminal } from './terminalReplay';
import { START, firstAtOrAfter, terminalEvents } from './terminalIndex';
import type { ReplayState } from './terminalReplay';

/** Back to the start of the line and clear it: the idle prompt, before a command started elsewhere. */
const ERASE_LINE = '\r\x1b[2K';

/**
 * What the terminal shows is a function of (trace, cursor): output appears when playback reaches
 * the moment the tool printed it, and scrubbing back hides it again. Moving forward appends
 * (through the output queue, a bounded piece per frame), a command typed here included: its line
 * is on screen already, and so is a fork's while the terminal shows no more than the events it
 * shares with the trace it was made from; so does a command started elsewhere (a control, a
 * course page) when nothing is being typed at the prompt. A step back, a new session or such a
 * command over a half-typed line draws the terminal again, from as far back as its scrollback
 * holds.
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
  /** The command just submitted in this terminal, its prompt and line on screen already. */
  typed: RefObject<string | undefined>,
): void {
  useEffect(() => {
    if (!ready) return;
    const drawn: { rt: object | null; trace: TraceLog | null; pos: number; state: ReplayState } = {
      rt: null,
      trace: null,
      pos: 0,
      state: replayStart,
    };
    const tail = () => {
      const l = line.current;
      return (l.pending.length ? '> ' : boldPrompt(host)) + l.buffer;
    };
    /** The command of the host's next `cmd.start` at or after `pos`, if the trace has one yet. */
    const nextCommand = (pos: number): string | undefined => {
      const trace = sessionOf(store).view.trace;
      const { positions, kinds } = terminalEvents(trace, host);
      const k = firstAtOrAfter(positions, pos);
      const e = kinds[k] === START ? trace.at(positions[k]!) : undefined;
      return e?.kind === 'cmd.start' ? e.command : undefined;
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
        // The lines from drawn.pos to the cursor after `before`, and the prompt once they end.
        const append = (before: string, from: ReplayState, echoed?: string) => {
          const more = replayTerminal(trace, drawn.pos, cursor, host, isSetup, setupNote, from, echoed);
          q.push(before + (more.state.open ? more.text : more.text + tail()));
          drawn.pos = cursor;
          drawn.state = more.state;
        };
        // Output of an open command, or of the one just typed here: append it, and the prompt
        // once it ended (none to take back).
        const echoed = typed.current;
        if (drawn.state.open || (echoed !== undefined && nextCommand(drawn.pos) === echoed)) {
          const from = sigint.current ? { ...drawn.state, flushed: true } : drawn.state;
          sigint.current = false;
          typed.current = undefined;
          return append('', from, echoed);
        }
        // A command started elsewhere (a control, a fork's replayed command) below an idle
        // prompt: the prompt line is taken back and the new lines follow, as drawing it all
        // again would show them, without rewriting the scrollback (a fork's first frame).
        const l = line.current;
        if (!sigint.current && l.buffer === '' && l.pending.length === 0)
          return append(ERASE_LINE, drawn.state);
      }
      // Drawn again: as much of the output as the scrollback keeps, as the trace holds it.
      sigint.current = false;
      typed.current = undefined;
      const start = replayFrom(trace, cursor, host, isSetup, (tm.options.scrollback ?? 1000) + tm.rows);
      const all = replayTerminal(trace, start.from, cursor, host, isSetup, setupNote, start.state);
      q.clear();
      q.then(() => tm.reset());
      q.push(all.state.open ? all.text : all.text + tail());
      Object.assign(drawn, { rt, trace, pos: cursor, state: all.state });
    };
    draw();
    return store.subscribe((st, prev) => {
      if (st.cursor !== prev.cursor || st.spec !== prev.spec || st.revision !== prev.revision) draw();
    });
  }, [ready, store, host, setupNote, term, out, line, sigint, typed]);
}
