/** head and tail, reading as they go: `seq 1 100000000 | head -3` ends after three lines. */
import type { CommandContext, CommandImpl, Wait } from '../types';
import { parseOptions, usageError } from './common';
import { afterLines, eachSource, lastLinesStart } from './streamSources';
import type { PieceSink } from './streamSources';

/** `-5` is `-n 5` (but in `-n -5` it is the count). */
function countArgs(args: readonly string[]): string[] {
  return args.map((a, i) =>
    /^-[0-9]+$/.test(a) && !/^-[nc]$/.test(args[i - 1] ?? '') ? `-n${a.slice(1)}` : a,
  );
}

interface Count {
  bytes: boolean;
  /** `+N` (tail: from the Nth) or `-N` (head: all but the last N). */
  sign: '' | '+' | '-';
  n: number;
}

/** Past this much kept text, tail drops what can no longer be among its last lines. */
const TRIM_AT = 1 << 16;

function headSink(ctx: CommandContext, c: Count): PieceSink {
  if (c.sign === '-') {
    let all = '';
    return {
      piece: (t) => ((all += t), true),
      end: () => ctx.out(all.slice(0, c.bytes ? Math.max(0, all.length - c.n) : lastLinesStart(all, c.n))),
    };
  }
  let left = c.n;
  return {
    piece(t) {
      if (left <= 0) return false;
      const cut = c.bytes
        ? { at: Math.min(left, t.length), left: left - Math.min(left, t.length) }
        : afterLines(t, left);
      ctx.out(t.slice(0, cut.at));
      left = cut.left;
      return left > 0;
    },
    end: () => undefined,
  };
}

function tailSink(ctx: CommandContext, c: Count): PieceSink {
  if (c.sign === '+') {
    let skip = Math.max(0, c.n - 1);
    return {
      piece(t) {
        const cut = c.bytes
          ? { at: Math.min(skip, t.length), left: skip - Math.min(skip, t.length) }
          : afterLines(t, skip);
        skip = cut.left;
        ctx.out(t.slice(cut.at));
        return true;
      },
      end: () => undefined,
    };
  }
  let kept = '';
  let trimAt = TRIM_AT;
  const start = (t: string) => (c.bytes ? Math.max(0, t.length - c.n) : lastLinesStart(t, c.n));
  return {
    piece(t) {
      kept += t;
      if (kept.length > trimAt) {
        kept = kept.slice(start(kept));
        trimAt = Math.max(TRIM_AT, 2 * kept.length);
      }
      return true;
    },
    end: () => ctx.out(kept.slice(start(kept))),
  };
}

function headTail(which: 'head' | 'tail'): CommandImpl {
  const impl: CommandImpl = (ctx) => runHeadTail(which, ctx);
  impl.streamsStdin = true;
  return impl;
}

/** One generator for both commands: each generator function has its own prototype (curl.ts). */
function* runHeadTail(which: 'head' | 'tail', ctx: CommandContext): Generator<Wait, number, void> {
  const { flags, operands, bad } = parseOptions(countArgs(ctx.argv.slice(1)), 'qvf', 'nc');
  if (bad !== undefined) return usageError(ctx, which, `invalid option -- '${bad}'`);
  const bytes = flags.has('c');
  const spec = (bytes ? flags.get('c') : flags.get('n')) ?? '10';
  if (!/^[-+]?[0-9]+$/.test(spec)) {
    ctx.err(`${which}: invalid number of ${bytes ? 'bytes' : 'lines'}: '${spec}'\n`);
    return 1;
  }
  const sign = spec.startsWith('+') ? '+' : spec.startsWith('-') ? '-' : '';
  // head's +N is N; tail's -N is N (the last N).
  const count: Count = {
    bytes,
    sign: (which === 'head' && sign === '+') || (which === 'tail' && sign === '-') ? '' : sign,
    n: Math.abs(Number(spec)),
  };
  const names = operands.length === 0 ? ['-'] : operands;
  const headers = (names.length > 1 && !flags.has('q')) || flags.has('v');
  let shown = 0;
  const ok = yield* eachSource(ctx, which, names, (name) => {
    if (headers) ctx.out(`${shown++ > 0 ? '\n' : ''}==> ${name === '-' ? 'standard input' : name} <==\n`);
    return which === 'head' ? headSink(ctx, count) : tailSink(ctx, count);
  });
  return ok ? 0 : 1;
}

export const headCommand = headTail('head');
export const tailCommand = headTail('tail');
