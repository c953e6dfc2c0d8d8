/** grep [-vicnqwoxhHlEF] [-e PATTERN] PATTERN [FILE...]: basic (BRE) or extended regular expressions. */
import type { CommandImpl } from '../types';
import { parseOptions } from './common';
import { eachSource, LineSplitter } from './streamSources';

/** Translate a POSIX basic regular expression into a JavaScript one. */
export function breToJs(bre: string): string {
  let out = '';
  for (let i = 0; i < bre.length; i++) {
    const ch = bre.charAt(i);
    if (ch === '\\' && i + 1 < bre.length) {
      const next = bre.charAt(++i);
      out += '(){}|+?'.includes(next) ? next : '\\' + next;
    } else if ('(){}|+?'.includes(ch)) out += '\\' + ch;
    else out += ch;
  }
  return out;
}

function compile(patterns: readonly string[], flags: Map<string, string>): RegExp | undefined {
  const parts = patterns.map((p) => {
    let src = flags.has('F') ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : flags.has('E') ? p : breToJs(p);
    if (flags.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
    if (flags.has('x')) src = `^(?:${src})$`;
    return src;
  });
  try {
    return new RegExp(parts.join('|'), flags.has('i') ? 'gi' : 'g');
  } catch {
    return undefined;
  }
}

export const grepCommand: CommandImpl = function* (ctx) {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 'vicnqwoxhHlEFsr', 'e');
  if (bad !== undefined) {
    ctx.err(
      `grep: invalid option -- '${bad}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
    );
    return 2;
  }
  const patterns = flags.has('e') ? [flags.get('e') ?? ''] : operands.splice(0, 1);
  if (patterns.length === 0) {
    ctx.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  const re = compile(patterns, flags);
  if (!re) {
    ctx.err('grep: Invalid regular expression\n');
    return 2;
  }
  const names = operands.length === 0 ? ['-'] : operands;
  const withName = flags.has('H') || (names.length > 1 && !flags.has('h'));
  const quiet = flags.has('q');
  let matched = false;
  // Lines are matched as they arrive; -q ends at the first match and -l stops reading that file.
  const ok = yield* eachSource(
    ctx,
    'grep',
    names,
    (source) => {
      const name = source === '-' ? '(standard input)' : source;
      const split = new LineSplitter();
      let lineNo = 0;
      let count = 0;
      const one = (line: string): boolean => {
        lineNo++;
        re.lastIndex = 0;
        if (re.test(line) === flags.has('v')) return true;
        count++;
        matched = true;
        if (quiet || flags.has('l')) return false;
        if (flags.has('c')) return true;
        const prefix = (withName ? `${name}:` : '') + (flags.has('n') ? `${lineNo}:` : '');
        if (flags.has('o') && !flags.has('v')) {
          re.lastIndex = 0;
          for (const m of line.matchAll(re)) if (m[0] !== '') ctx.out(`${prefix}${m[0]}\n`);
        } else ctx.out(`${prefix}${line}\n`);
        return true;
      };
      return {
        piece: (t) => split.push(t).every(one) && !(quiet && matched),
        end() {
          if (!(quiet && matched)) split.end().every(one);
          if (quiet) return;
          if (flags.has('c')) ctx.out(`${withName ? `${name}:` : ''}${count}\n`);
          else if (flags.has('l') && count > 0) ctx.out(`${name}\n`);
        },
      };
    },
    () => quiet && matched,
  );
  if (quiet && matched) return 0;
  if (!ok && !flags.has('s')) return 2;
  return matched ? 0 : 1;
};
grepCommand.streamsStdin = true;
