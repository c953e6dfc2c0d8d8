/** Where the queue writes: xterm's `write(data, callback)` (the callback once it parsed the data). */
export interface TerminalSink {
  write(data: string, parsed: () => void): void;
}

export interface OutputQueueOptions {
  /** Characters one frame may hand to the terminal. */
  frameChars: number;
  /**
   * Lines one frame may hand to the terminal: each one scrolls xterm's buffer, so 16 KB of `y`
   * (8,192 lines) took it a quarter of a second to parse; characters alone do not bound it.
   */
  frameLines?: number;
  /** Lines the terminal keeps (its scrollback plus the screen): older queued lines are never seen. */
  keepLines: number;
  /** Characters kept queued at most (a line without end can be longer than any screen). */
  keepChars: number;
  /** Calls `fn` at the next animation frame. */
  nextFrame(fn: () => void): void;
}

type Item = string | (() => void);

/** How many newlines `s` holds. */
export function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Index just past the `n`th newline of `s` (n ≥ 1), or -1. */
function afterNewline(s: string, n: number): number {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = s.indexOf('\n', i + 1);
    if (i < 0) return -1;
  }
  return i + 1;
}

/**
 * A terminal's output, handed over at most once per animation frame and at most `frameChars`
 * a frame, in order: a command that prints megabytes (`yes`, `seq 1 1000000`) never gives the
 * terminal more than it can draw in a frame. The next piece waits until the terminal parsed the
 * last one, so nothing piles up inside xterm either, and `busy()` tells the producer to wait (as
 * a pty's full buffer blocks the writer). Lines that would scroll out of the terminal's
 * scrollback before they are drawn are dropped unseen, as a real terminal would lose them.
 */
export class OutputQueue {
  private items: Item[] = [];
  private chars = 0;
  private lines = 0;
  private writing = false;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly sink: TerminalSink,
    private readonly opts: OutputQueueOptions,
  ) {}

  push(text: string): void {
    if (!text || this.closed) return;
    this.items.push(text);
    this.chars += text.length;
    this.lines += newlines(text);
    if (this.lines > 2 * this.opts.keepLines || this.chars > 2 * this.opts.keepChars) this.trim();
    this.schedule();
  }

  /** Runs `fn` once everything queued before it reached the terminal (a clear screen, say). */
  then(fn: () => void): void {
    if (this.closed) return;
    this.items.push(fn);
    this.schedule();
  }

  /** Drops what is queued (a redraw from the start replaces it). */
  clear(): void {
    this.items = [];
    this.chars = 0;
    this.lines = 0;
  }

  close(): void {
    this.clear();
    this.closed = true;
  }

  /** Characters not yet handed to the terminal. */
  get queued(): number {
    return this.chars;
  }

  /** More than a frame's worth waits, or the terminal still parses the last piece. */
  busy(): boolean {
    return this.writing || this.chars > this.opts.frameChars || this.lines > this.frameLines;
  }

  /**
   * Ctrl-C: `echo` reaches the terminal now, ahead of the output still queued, which is dropped
   * as a tty discards its unread output on SIGINT (no NOFLSH). Behind a queued action (a reset
   * and the redraw after it) the echo waits its turn instead: the redraw is the whole screen.
   */
  interrupt(echo: string): void {
    if (this.closed) return;
    if (this.items.some((item) => typeof item === 'function')) return this.push(echo);
    this.clear();
    // Behind at most the one piece the terminal is parsing (already "read" from the pty).
    this.sink.write(echo, () => {});
  }

  private get frameLines(): number {
    return this.opts.frameLines ?? Infinity;
  }

  private schedule(): void {
    if (this.scheduled || this.writing || this.closed || this.items.length === 0) return;
    this.scheduled = true;
    this.opts.nextFrame(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** One frame's piece: up to `frameChars` and `frameLines` of text (and the actions up to it), written at once. */
  private flush(): void {
    if (this.writing || this.closed) return;
    let out = '';
    let lines = 0;
    while (this.items.length > 0 && out.length < this.opts.frameChars && lines < this.frameLines) {
      const head = this.items[0]!;
      if (typeof head === 'function') {
        if (out) break; // the text before it must reach the terminal first
        this.items.shift();
        head();
        continue;
      }
      let take = Math.min(head.length, this.opts.frameChars - out.length);
      const end = this.frameLines < Infinity ? afterNewline(head, this.frameLines - lines) : -1;
      if (end > 0 && end < take) take = end;
      // Never split a surrogate pair between two writes.
      if (take < head.length && take > 0 && /[\uD800-\uDBFF]/.test(head[take - 1]!)) take--;
      if (take <= 0) break;
      const piece = take === head.length ? head : head.slice(0, take);
      if (take === head.length) this.items.shift();
      else this.items[0] = head.slice(take);
      const n = newlines(piece);
      out += piece;
      this.chars -= piece.length;
      this.lines -= n;
      lines += n;
    }
    if (!out) return this.schedule();
    this.writing = true;
    this.sink.write(out, () => {
      this.writing = false;
      this.schedule();
    });
  }

  /** Keep only the last `keepLines` lines and `keepChars` characters of the text queued. */
  private trim(): void {
    // Text before a queued action stays as it is: the action (a clear) acts on it.
    let last = -1;
    this.items.forEach((item, i) => {
      if (typeof item === 'function') last = i;
    });
    const head = this.items.slice(0, last + 1);
    let all = (this.items.slice(last + 1) as string[]).join('');
    const lines = newlines(all);
    if (lines > this.opts.keepLines) all = all.slice(afterNewline(all, lines - this.opts.keepLines));
    if (all.length > this.opts.keepChars) {
      const from = all.length - this.opts.keepChars;
      const nl = all.indexOf('\n', from);
      all = all.slice(nl >= 0 && nl < all.length - 1 ? nl + 1 : from);
    }
    // Colours set in the dropped part would leak into the rest: it starts from plain text.
    this.items = [...head, `\x1b[0m${all}`];
    this.recount();
  }

  private recount(): void {
    this.chars = 0;
    this.lines = 0;
    for (const item of this.items)
      if (typeof item === 'string') {
        this.chars += item.length;
        this.lines += newlines(item);
      }
  }
}
