/** A readline-like editor for one terminal line, as plain data: the terminal writes what it returns. */
export interface LineState {
  buffer: string;
  pos: number;
  /** Earlier lines of an unfinished command (heredoc, for … do without done, trailing \). */
  pending: string[];
  /** Position in the history while browsing with ↑/↓ (history.length = the new line). */
  histPos: number;
}

export type LineAction =
  | { kind: 'none' }
  | { kind: 'echo'; text: string }
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt' }
  | { kind: 'clear' };

export const emptyLine = (historyLength: number): LineState => ({
  buffer: '',
  pos: 0,
  pending: [],
  histPos: historyLength,
});

const ESC = '\x1b';

function redraw(prev: LineState, next: LineState): string {
  // Move to the start of the input, rewrite it, clear the rest, put the cursor back.
  const back = prev.pos > 0 ? `${ESC}[${prev.pos}D` : '';
  const tail = next.buffer.length - next.pos;
  return `${back}${next.buffer}${ESC}[K${tail > 0 ? `${ESC}[${tail}D` : ''}`;
}

/**
 * Apply one chunk of terminal input (a key or a paste) to the line. Returns the new state and
 * what the terminal should do. Pastes of several lines submit each complete line in turn.
 */
export function applyInput(
  s: LineState,
  data: string,
  history: readonly string[],
): { state: LineState; actions: LineAction[] } {
  let state = s;
  const actions: LineAction[] = [];
  const set = (next: LineState) => {
    actions.push({ kind: 'echo', text: redraw(state, next) });
    state = next;
  };
  let i = 0;
  while (i < data.length) {
    const rest = data.slice(i);
    const seq = rest.startsWith(`${ESC}[`) ? /^.\[(?:[ABCDHF]|[1-4]~)/.exec(rest)?.[0] : undefined;
    if (seq) {
      i += seq.length;
      const code = seq.slice(2);
      if (code === 'D' && state.pos > 0) set({ ...state, pos: state.pos - 1 });
      else if (code === 'C' && state.pos < state.buffer.length) set({ ...state, pos: state.pos + 1 });
      else if (code === 'H' || code === '1~') set({ ...state, pos: 0 });
      else if (code === 'F' || code === '4~') set({ ...state, pos: state.buffer.length });
      else if (code === '3~' && state.pos < state.buffer.length)
        set({ ...state, buffer: state.buffer.slice(0, state.pos) + state.buffer.slice(state.pos + 1) });
      else if ((code === 'A' || code === 'B') && history.length) {
        const hp = Math.max(0, Math.min(history.length, state.histPos + (code === 'A' ? -1 : 1)));
        const line = history[hp] ?? '';
        set({ ...state, buffer: line, pos: line.length, histPos: hp });
      }
      continue;
    }
    const ch = data[i]!;
    i++;
    if (ch === '\r' || ch === '\n') {
      if (ch === '\n' && data[i - 2] === '\r') continue;
      // As readline does: the cursor goes to the end of the line first, so the output starts below it.
      if (state.pos < state.buffer.length) set({ ...state, pos: state.buffer.length });
      actions.push({ kind: 'submit', line: state.buffer });
      state = { ...state, buffer: '', pos: 0, histPos: history.length };
    } else if (ch === '\x7f' || ch === '\b') {
      if (state.pos > 0)
        set({
          ...state,
          buffer: state.buffer.slice(0, state.pos - 1) + state.buffer.slice(state.pos),
          pos: state.pos - 1,
        });
    } else if (ch === '\x03') {
      actions.push({ kind: 'interrupt' });
      state = emptyLine(history.length);
    } else if (ch === '\x15') set({ ...state, buffer: state.buffer.slice(state.pos), pos: 0 });
    else if (ch === '\x01') set({ ...state, pos: 0 });
    else if (ch === '\x05') set({ ...state, pos: state.buffer.length });
    else if (ch === '\x0c') actions.push({ kind: 'clear' });
    else if (ch >= ' ' || ch === '\t') {
      const text = ch === '\t' ? ' ' : ch;
      set({
        ...state,
        buffer: state.buffer.slice(0, state.pos) + text + state.buffer.slice(state.pos),
        pos: state.pos + 1,
      });
    }
  }
  return { state, actions };
}
