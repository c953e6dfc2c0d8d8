/**
 * Pipes between the stages of a pipeline. The stages run side by side (pipeline.ts): what the
 * writer prints waits in the pipe until the reader takes it, so `seq 1 100000000 | wc -l` never
 * holds more than a few chunks. A reader that needs all of its input at once (sort, or any
 * program that reads stdin as one string) waits until the writer has ended; the pipe then
 * holds at most MAX_STRING_BYTES, past which that reader runs out of memory.
 */
import { MAX_STRING_BYTES } from './limits';
import type { Input } from './runtime';
import type { Wait } from './types';

/** The writer wrote to a pipe whose reader has ended: SIGPIPE ends it (status 141). */
export class BrokenPipe {
  readonly status = 141;
}

/** Consumed text is dropped from the front of the pipe once this much has been read. */
const COMPACT_AT = 1 << 16;

export interface Pipe extends Input {
  /** The writer still runs: more may come. */
  open: boolean;
  /** The reader has ended: writing raises SIGPIPE. */
  readerGone: boolean;
  /** The pipe held more than a reader may take in one piece (see above). */
  overflow: boolean;
}

export function createPipe(): Pipe {
  return { text: '', pos: 0, open: true, readerGone: false, overflow: false };
}

export function pipeWriter(p: Pipe): (s: string) => void {
  return (s) => {
    if (p.readerGone) throw new BrokenPipe();
    if (p.pos >= COMPACT_AT) {
      p.text = p.text.slice(p.pos);
      p.pos = 0;
    }
    if (p.text.length - p.pos + s.length > MAX_STRING_BYTES) {
      p.overflow = true;
      return;
    }
    p.text += s;
  };
}

export function isPipe(i: Input): i is Pipe {
  return (i as Partial<Pipe>).open !== undefined;
}

/** Wait (inside the pipeline's scheduler) until the writer has ended. */
export function writerDone(p: Pipe): Wait {
  return { kind: 'until', done: () => !p.open };
}

/** Wait until there is something to read or the writer has ended. */
export function readable(p: Pipe): Wait {
  return { kind: 'until', done: () => !p.open || p.pos < p.text.length };
}

/**
 * The next piece of standard input (undefined at its end), for programs that read as they go.
 * A plain input is one piece; a pipe gives what its writer has written so far.
 */
export function* readChunk(input: Input): Generator<Wait, string | undefined, void> {
  if (!isPipe(input)) {
    if (input.pos >= input.text.length) return undefined;
    const rest = input.text.slice(input.pos);
    input.pos = input.text.length;
    return rest;
  }
  while (input.open && input.pos >= input.text.length) yield readable(input);
  if (input.pos >= input.text.length) return undefined;
  const chunk = input.text.slice(input.pos);
  input.pos = input.text.length;
  return chunk;
}

/** Wait until the input holds a whole line (or its end), for `read`. */
export function* lineReady(input: Input): Generator<Wait, void, void> {
  if (!isPipe(input)) return;
  while (input.open && input.text.indexOf('\n', input.pos) < 0) {
    yield { kind: 'until', done: () => !input.open || input.text.indexOf('\n', input.pos) >= 0 };
  }
}

/** Standard input piece by piece, for a program marked `streamsStdin` (any context works). */
export function stdinReader(ctx: {
  stdin: string;
  readChunk?(): Generator<Wait, string | undefined, void>;
}): () => Generator<Wait, string | undefined, void> {
  const read = ctx.readChunk?.bind(ctx);
  if (read) return read;
  const once = { ctx, given: false };
  return () => stdinOnce(once);
}

/** The whole of stdin, once. Module level: a generator made per call has its own prototype (curl.ts). */
// eslint-disable-next-line require-yield
function* stdinOnce(once: {
  ctx: { stdin: string };
  given: boolean;
}): Generator<Wait, string | undefined, void> {
  if (once.given || once.ctx.stdin === '') return undefined;
  once.given = true;
  return once.ctx.stdin;
}
