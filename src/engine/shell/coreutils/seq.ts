/** seq [-s SEP] [-w] [FIRST [INCR]] LAST. Yields now and then so a huge run can be interrupted. */
import type { CommandImpl } from '../types';
import { usageError } from './common';

const CHUNK = 4096;

function decimals(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

export const seqCommand: CommandImpl = function* (ctx) {
  const args = ctx.argv.slice(1);
  let sep = '\n';
  let equalWidth = false;
  while (args.length > 0 && /^-[sw]/.test(args[0] ?? '')) {
    const a = args.shift() ?? '';
    if (a === '-w') equalWidth = true;
    else sep = a.length > 2 ? a.slice(2) : (args.shift() ?? '\n');
  }
  if (args.length === 0) return usageError(ctx, 'seq', 'missing operand');
  if (args.length > 3) return usageError(ctx, 'seq', `extra operand '${args[3] ?? ''}'`);
  for (const a of args) {
    if (!/^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(a)) {
      return usageError(ctx, 'seq', `invalid floating point argument: '${a}'`);
    }
  }
  const nums = args.map(Number);
  const [first, incr, last] =
    nums.length === 1
      ? [1, 1, nums[0] ?? 1]
      : nums.length === 2
        ? [nums[0] ?? 1, 1, nums[1] ?? 1]
        : [nums[0] ?? 1, nums[1] ?? 1, nums[2] ?? 1];
  if (incr === 0) return usageError(ctx, 'seq', `invalid Zero increment value: '${args[1] ?? '0'}'`);
  const places = Math.max(0, ...args.slice(0, -1).map(decimals));
  const width = equalWidth ? Math.max(...[first, last].map((v) => v.toFixed(places).length)) : 0;
  if (sep === '\n' && width === 0 && places === 0 && [first, incr, last].every(Number.isSafeInteger)) {
    return yield* integers(ctx, first, incr, last);
  }
  let chunk = '';
  let count = 0;
  for (let i = 0; ; i++) {
    const v = first + i * incr;
    if (incr > 0 ? v > last + 1e-9 : v < last - 1e-9) break;
    const text = v.toFixed(places);
    chunk += (count > 0 ? sep : '') + (width > 0 ? text.padStart(width, '0') : text);
    if (++count % CHUNK === 0) {
      ctx.out(chunk);
      chunk = '';
      yield { kind: 'sleep', us: 0 };
    }
  }
  ctx.out(chunk + (count > 0 ? '\n' : ''));
  return 0;
};

/** The common case, integers one per line, written a chunk at a time (a turn for the clock and Ctrl-C each). */
function* integers(
  ctx: Parameters<CommandImpl>[0],
  first: number,
  incr: number,
  last: number,
): Generator<{ kind: 'sleep'; us: 0 }, number, void> {
  let v = first;
  const more = (x: number): boolean => (incr > 0 ? x <= last : x >= last);
  while (more(v)) {
    let chunk = '';
    for (let n = 0; n < CHUNK && more(v); n++, v += incr) chunk += `${v}\n`;
    ctx.out(chunk);
    if (more(v)) yield { kind: 'sleep', us: 0 };
    if (ctx.interrupted()) return 130;
  }
  return 0;
}
