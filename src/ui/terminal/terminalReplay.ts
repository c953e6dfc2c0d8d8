import type { TraceLog } from '@/engine';
import { crlf, prompt } from './terminalHistory';

/** Where a host's terminal stands after replaying the trace up to some position. */
export interface ReplayState {
  /** The last command shown came from the lab's setup (its lines are dimmed under one note). */
  inSetup: boolean;
  /** A command has started but not ended yet at this position: no prompt after its output. */
  open: boolean;
  /**
   * Ctrl-C was pressed in this terminal while the open command ran: its `^C` is on screen and
   * the rest of its output was flushed, as a tty drops unread output on SIGINT.
   */
  flushed?: boolean;
}

export const replayStart: ReplayState = { inSetup: false, open: false };

/**
 * What a host's terminal prints for the trace events [from, to): each command's line at its
 * `cmd.start`, each chunk of output at the `cmd.out` the tool printed it, `^C` at an interrupted
 * `cmd.end`. A pure function of the trace, so scrubbing back hides output not printed yet.
 */
export function replayTerminal(
  trace: TraceLog,
  from: number,
  to: number,
  host: string,
  isSetup: (index: number) => boolean,
  setupNote: string,
  state: ReplayState,
): { text: string; state: ReplayState } {
  let text = '';
  let { inSetup, open, flushed = false } = state;
  for (let i = from; i < to; i++) {
    const e = trace.at(i);
    if (e?.host !== host) continue;
    if (e.kind === 'cmd.start') {
      const setup = isSetup(e.index);
      if (setup && !inSetup) text += `\x1b[2m# ${setupNote}\x1b[0m\r\n`;
      inSetup = setup;
      text += setup
        ? `\x1b[2m${prompt(host)}${crlf(e.command)}\x1b[0m\r\n`
        : `\x1b[1m${prompt(host)}\x1b[0m${crlf(e.command)}\r\n`;
      open = true;
      flushed = false;
    } else if (e.kind === 'cmd.out') {
      if (!flushed) text += e.stream === 'stderr' ? `\x1b[31m${crlf(e.text)}\x1b[0m` : crlf(e.text);
    } else if (e.kind === 'cmd.end') {
      if (e.interrupted && !flushed) text += '^C\r\n';
      open = false;
      flushed = false;
    }
  }
  return { text, state: { inSetup, open, ...(flushed ? { flushed } : {}) } };
}

/** Whether the events [from, to) hold anything for this host's terminal. */
export function touchesTerminal(trace: TraceLog, from: number, to: number, host: string): boolean {
  for (let i = from; i < to; i++) {
    const e = trace.at(i);
    if (e?.host === host && (e.kind === 'cmd.start' || e.kind === 'cmd.out' || e.kind === 'cmd.end'))
      return true;
  }
  return false;
}
