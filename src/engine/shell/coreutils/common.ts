/** Helpers shared by the coreutils: reading operands, option parsing, messages. */
import { resolvePath } from '../paths';
import type { CommandContext } from '../types';

export function absPath(ctx: CommandContext, path: string): string {
  return resolvePath(ctx.cwd, path, ctx.env.get('HOME') ?? '/root');
}

export interface Source {
  name: string;
  text: string;
}

/**
 * The inputs of a filter (`cat`, `grep`, `wc` ...): the files named, `-` or none = stdin.
 * Missing files are reported as `PROG: NAME: No such file or directory`; `ok` turns false.
 */
export function readSources(
  ctx: CommandContext,
  prog: string,
  files: readonly string[],
): { sources: Source[]; ok: boolean } {
  const sources: Source[] = [];
  let ok = true;
  const names = files.length === 0 ? ['-'] : files;
  for (const name of names) {
    if (name === '-') {
      sources.push({ name: '-', text: ctx.stdin });
      continue;
    }
    const path = absPath(ctx, name);
    const text = ctx.fs.read(path);
    if (text !== undefined) sources.push({ name, text });
    else {
      ctx.err(`${prog}: ${name}: ${ctx.fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`);
      ok = false;
    }
  }
  return { sources, ok };
}

/** Lines of a text, without the final empty piece after a trailing newline. */
export function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** GNU's "missing operand" / "invalid option" message pair. */
export function usageError(ctx: CommandContext, prog: string, message: string): number {
  ctx.err(`${prog}: ${message}\nTry '${prog} --help' for more information.\n`);
  return 1;
}

/**
 * Split short options from operands: `-n 5`, `-n5`, `-vi`. `withValue` lists options that take
 * a value. Stops at `--`. Unknown options are returned in `bad`.
 */
export function parseOptions(
  args: readonly string[],
  known: string,
  withValue = '',
): { flags: Map<string, string>; operands: string[]; bad: string | undefined } {
  const flags = new Map<string, string>();
  const operands: string[] = [];
  let bad: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a.charAt(j);
      if (withValue.includes(f)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? '');
        flags.set(f, value);
        break;
      }
      if (!known.includes(f)) bad ??= f;
      flags.set(f, '');
    }
  }
  return { flags, operands, bad };
}
