/** sleep NUMBER[smhd]...: lets virtual time pass (the seed's `sleep 0.5`). */
import type { CommandImpl } from '../types';
import { usageError } from './common';

const UNIT_US: Readonly<Record<string, number>> = { '': 1e6, s: 1e6, m: 60e6, h: 3600e6, d: 86400e6 };

/** Microseconds for one `sleep` operand, or undefined when it is not a valid interval. */
export function parseInterval(arg: string): number | undefined {
  const m = /^\+?([0-9]+\.?[0-9]*|\.[0-9]+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const us = Number(m[1]) * (UNIT_US[m[2] ?? ''] ?? 1e6);
  return Number.isFinite(us) ? us : undefined;
}

export const sleepCommand: CommandImpl = function* (ctx) {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) return usageError(ctx, 'sleep', 'missing operand');
  let total = 0;
  for (const a of args) {
    if (/^-[^0-9.]/.test(a)) return usageError(ctx, 'sleep', `invalid option -- '${a.charAt(1)}'`);
    const us = parseInterval(a);
    if (us === undefined) return usageError(ctx, 'sleep', `invalid time interval '${a}'`);
    total += us;
  }
  yield { kind: 'sleep', us: Math.min(Math.round(total), Number.MAX_SAFE_INTEGER) };
  return 0;
};
