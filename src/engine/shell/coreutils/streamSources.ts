/**
 * Reading input as it comes, as head, tail, grep and cat do on Linux: a file is one piece (it
 * is already in memory), standard input is whatever its pipe's writer has written so far. A
 * reader that stops early (head has its lines) simply returns, and its writer then meets SIGPIPE.
 */
import { stdinReader } from '../pipe';
import type { CommandContext, Wait } from '../types';
import { absPath } from './common';

/** What a program does with one source: each piece (false: it needs no more of it), then its end. */
export interface PieceSink {
  piece(text: string): boolean;
  end(): void;
}

/**
 * Feed each named source (`-` or none: standard input) to the sink `open` gives for it, in order;
 * a source that cannot be read is reported as GNU does. Returns whether every source was read.
 */
export function* eachSource(
  ctx: CommandContext,
  prog: string,
  names: readonly string[],
  open: (name: string) => PieceSink,
  /** True once the program needs nothing more (grep -q has its match): the rest is not read. */
  finished: () => boolean = () => false,
): Generator<Wait, boolean, void> {
  let ok = true;
  let stdinUsed = false;
  for (const name of names.length === 0 ? ['-'] : names) {
    if (finished()) break;
    if (name === '-') {
      const sink = open(name);
      if (!stdinUsed) {
        stdinUsed = true;
        const read = stdinReader(ctx);
        for (let p = yield* read(); p !== undefined; p = yield* read()) if (!sink.piece(p)) break;
      }
      sink.end();
      continue;
    }
    const path = absPath(ctx, name);
    const text = ctx.fs.read(path);
    if (text === undefined) {
      ctx.err(`${prog}: ${name}: ${ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`);
      ok = false;
      continue;
    }
    const sink = open(name);
    if (text !== '') sink.piece(text);
    sink.end();
  }
  return ok;
}

/** Where the last `n` lines of a text begin (a final line without its newline counts as one). */
export function lastLinesStart(text: string, n: number): number {
  if (n <= 0) return text.length;
  let idx = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let k = 0; k < n; k++) {
    if (idx <= 0) return 0;
    idx = text.lastIndexOf('\n', idx - 1);
    if (idx < 0) return 0;
  }
  return idx + 1;
}

/** Where the text after its first `n` lines begins (its length when it has no more than n). */
export function afterLines(text: string, n: number): { at: number; left: number } {
  let at = 0;
  let left = n;
  while (left > 0) {
    const i = text.indexOf('\n', at);
    if (i < 0) return { at: text.length, left };
    at = i + 1;
    left--;
  }
  return { at, left };
}

/** Complete lines out of pieces: what is left after the last newline waits for the next piece. */
export class LineSplitter {
  private rest = '';
  /** The complete lines (without newlines) this piece finishes. */
  push(piece: string): string[] {
    const text = this.rest + piece;
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      this.rest = text;
      return [];
    }
    this.rest = text.slice(last + 1);
    return text.slice(0, last).split('\n');
  }
  /** The final line that had no newline, if any. */
  end(): string[] {
    const r = this.rest;
    this.rest = '';
    return r === '' ? [] : [r];
  }
}
