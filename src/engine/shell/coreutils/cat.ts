/** cat (files and stdin; -n) and tee. */
import { parentOf } from '../paths';
import { simple } from '../types';
import { absPath, linesOf, parseOptions, readSources, usageError } from './common';

export const catCommand = simple((ctx) => {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 'nAEbsTuv');
  if (bad !== undefined) return usageError(ctx, 'cat', `invalid option -- '${bad}'`);
  const { sources, ok } = readSources(ctx, 'cat', operands);
  let text = sources.map((s) => s.text).join('');
  if (flags.has('n')) {
    const lines = linesOf(text).map((l, i) => `${String(i + 1).padStart(6)}\t${l}`);
    text = lines.join('\n') + (lines.length > 0 && text.endsWith('\n') ? '\n' : '');
  }
  ctx.out(text);
  return ok ? 0 : 1;
});

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
