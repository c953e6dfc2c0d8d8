import type { TraceLog } from '@/engine';
import { crlf, prompt } from './terminalHistory';
import { newlines } from './outputQueue';
import { END, OUT, START, firstAtOrAfter, terminalEvents } from './terminalIndex';

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
 * `cmd.end`. A pure function of the trace, so scrubbing back hides output not printed yet. It
 * reads only the host's own events (terminalIndex.ts). `typed`: the terminal already shows the
 * prompt and this command, typed there, so its first `cmd.start` prints only the line break.
 */
export function replayTerminal(
  trace: TraceLog,
  from: number,
  to: number,
  host: string,
  isSetup: (index: number) => boolean,
  setupNote: string,
  state: ReplayState,
  typed?: string,
): { text: string; state: ReplayState } {
  let text = '';
  let { inSetup, open, flushed = false } = state;
  let echoed = typed;
  const { positions } = terminalEvents(trace, host, to);
  for (let k = firstAtOrAfter(positions, from); k < positions.length && positions[k]! < to; k++) {
    const e = trace.at(positions[k]!);
    if (e?.kind === 'cmd.start') {
      const setup = isSetup(e.index);
      if (echoed !== undefined && !setup && e.command === echoed) {
        text += '\r\n';
        inSetup = false;
      } else {
        if (setup && !inSetup) text += `\x1b[2m# ${setupNote}\x1b[0m\r\n`;
        inSetup = setup;
        text += setup
          ? `\x1b[2m${prompt(host)}${crlf(e.command)}\x1b[0m\r\n`
          : `${boldPrompt(host)}${crlf(e.command)}\r\n`;
      }
      echoed = undefined;
      open = true;
      flushed = false;
    } else if (e?.kind === 'cmd.out') {
      if (!flushed) text += e.stream === 'stderr' ? `\x1b[31m${crlf(e.text)}\x1b[0m` : crlf(e.text);
    } else if (e?.kind === 'cmd.end') {
      if (e.interrupted && !flushed) text += '^C\r\n';
      open = false;
      flushed = false;
    }
  }
  return { text, state: { inSetup, open, ...(flushed ? { flushed } : {}) } };
}

/** The prompt as the terminal prints it before a typed command (bold, like the replay's). */
export function boldPrompt(host: string): string {
  return `\x1b[1m${prompt(host)}\x1b[0m`;
}

/** Whether the events [from, to) hold anything for this host's terminal. */
export function touchesTerminal(trace: TraceLog, from: number, to: number, host: string): boolean {
  const { positions } = terminalEvents(trace, host, to);
  const k = firstAtOrAfter(positions, from);
  return k < positions.length && positions[k]! < to;
}

/**
 * Where to start drawing a host's terminal from scratch so that it still fills `keepLines`
 * (its scrollback and screen) at `to`, and the replay state there: older lines would only
 * scroll out of the terminal, as a real one loses them, and drawing them cost a walk and a
 * string as long as everything the host ever printed.
 */
export function replayFrom(
  trace: TraceLog,
  to: number,
  host: string,
  isSetup: (index: number) => boolean,
  keepLines: number,
): { from: number; state: ReplayState } {
  const { positions, kinds } = terminalEvents(trace, host, to);
  let k = firstAtOrAfter(positions, to);
  let lines = 0;
  while (k > 0 && lines < keepLines) {
    k--;
    if (kinds[k] === OUT) {
      const e = trace.at(positions[k]!);
      if (e?.kind === 'cmd.out') lines += newlines(e.text);
    } else if (kinds[k] === START) lines++; // a command's line: one at least (a lower bound keeps enough)
  }
  if (k === 0) return { from: 0, state: replayStart };
  // The state before position k: the latest command start before it, and whether it ended.
  let open = false;
  let inSetup = false;
  let ended = false;
  for (let j = k - 1; j >= 0; j--) {
    if (kinds[j] === END) ended = true;
    if (kinds[j] !== START) continue;
    const e = trace.at(positions[j]!);
    inSetup = e?.kind === 'cmd.start' && isSetup(e.index);
    open = !ended;
    break;
  }
  return { from: positions[k]!, state: { inSetup, open } };
}
