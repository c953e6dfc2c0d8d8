/** grep [-vicnqwoxhHlEF] [-e PATTERN] PATTERN [FILE...]: basic (BRE) or extended regular expressions. */
import { simple } from '../types';
import { linesOf, parseOptions, readSources } from './common';

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

export const grepCommand = simple((ctx) => {
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
  const { sources, ok } = readSources(ctx, 'grep', operands);
  const withName = flags.has('H') || (sources.length > 1 && !flags.has('h'));
  let matched = false;
  for (const s of sources) {
    const name = s.name === '-' ? '(standard input)' : s.name;
    let count = 0;
    linesOf(s.text).forEach((line, i) => {
      re.lastIndex = 0;
      const hit = re.test(line) !== flags.has('v');
      if (!hit) return;
      count++;
      matched = true;
      if (flags.has('q') || flags.has('c') || flags.has('l')) return;
      const prefix = (withName ? `${name}:` : '') + (flags.has('n') ? `${i + 1}:` : '');
      if (flags.has('o') && !flags.has('v')) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0] !== '') ctx.out(`${prefix}${m[0]}\n`);
      } else ctx.out(`${prefix}${line}\n`);
    });
    if (flags.has('q')) continue;
    if (flags.has('c')) ctx.out(`${withName ? `${name}:` : ''}${count}\n`);
    else if (flags.has('l') && count > 0) ctx.out(`${name}\n`);
  }
  if (!ok && !flags.has('s')) return 2;
  return matched ? 0 : 1;
});
