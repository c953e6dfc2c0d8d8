/** cat (files and stdin, as it comes; -n) and tee. */
import { parentOf } from '../paths';
import type { CommandImpl } from '../types';
import { simple } from '../types';
import { absPath, parseOptions, usageError } from './common';
import { eachSource } from './streamSources';

/** `cat -n`: each line's number, counted across pieces and files as GNU does. */
function numberer(): (t: string) => string {
  let n = 0;
  let atStart = true;
  return (t) => {
    let out = '';
    let from = 0;
    while (from < t.length) {
      if (atStart) out += `${String(++n).padStart(6)}\t`;
      const nl = t.indexOf('\n', from);
      const to = nl < 0 ? t.length : nl + 1;
      out += t.slice(from, to);
      atStart = nl >= 0;
      from = to;
    }
    return out;
  };
}

export const catCommand: CommandImpl = function* (ctx) {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 'nAEbsTuv');
  if (bad !== undefined) return usageError(ctx, 'cat', `invalid option -- '${bad}'`);
  const shape = flags.has('n') ? numberer() : (t: string) => t;
  const ok = yield* eachSource(ctx, 'cat', operands, () => ({
    piece: (t) => (ctx.out(shape(t)), true),
    end: () => undefined,
  }));
  return ok ? 0 : 1;
};
catCommand.streamsStdin = true;

export const teeCommand = simple((ctx) => {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 'ai');
  if (bad !== undefined) return usageError(ctx, 'tee', `invalid option -- '${bad}'`);
  let status = 0;
  for (const name of operands) {
    const path = absPath(ctx, name);
    const error = ctx.fs.isDir(parentOf(path))
      ? ctx.fs.write(path, ctx.stdin, flags.has('a'))
      : 'No such file or directory';
    if (error !== undefined) {
      ctx.err(`tee: ${name}: ${error}\n`);
      status = 1;
    }
  }
  ctx.out(ctx.stdin);
  return status;
});
