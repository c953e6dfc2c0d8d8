/** wc, sort, uniq, cut, tr: the basic text filters (head and tail: headTail.ts). */
import { stdinReader } from '../pipe';
import type { CommandImpl } from '../types';
import { simple } from '../types';
import { linesOf, parseOptions, readSources, usageError } from './common';

interface WcCount {
  l: number;
  w: number;
  c: number;
  inWord: boolean;
}

/** Count one piece of a stream (words may run across pieces). */
function countPiece(n: WcCount, text: string, words: boolean): void {
  n.c += text.length;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n.l++;
  if (!words) return;
  for (let i = 0; i < text.length; i++) {
    const space = /\s/.test(text.charAt(i));
    if (!space && !n.inWord) n.w++;
    n.inWord = !space;
  }
}

/** wc reads standard input as it comes, so `seq 1 100000000 | wc -l` holds only a chunk at a time. */
export const wcCommand: CommandImpl = function* (ctx) {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 'lwcm');
  if (bad !== undefined) return usageError(ctx, 'wc', `invalid option -- '${bad}'`);
  const picks = ['l', 'w', 'c'].filter((f) => flags.has(f) || (f === 'c' && flags.has('m')));
  const which = picks.length > 0 ? picks : ['l', 'w', 'c'];
  const words = which.includes('w');
  const files = operands.filter((o) => o !== '-');
  const { sources, ok } = files.length > 0 ? readSources(ctx, 'wc', files) : { sources: [], ok: true };
  const rows: { name: string; counts: number[]; size: number }[] = [];
  const row = (name: string, n: WcCount) =>
    rows.push({ name, counts: which.map((f) => n[f as 'l' | 'w' | 'c']), size: n.c });
  const order = operands.length === 0 ? ['-'] : operands;
  for (const name of order) {
    const n: WcCount = { l: 0, w: 0, c: 0, inWord: false };
    if (name === '-') {
      const read = stdinReader(ctx);
      for (let piece = yield* read(); piece !== undefined; piece = yield* read()) countPiece(n, piece, words);
    } else {
      const src = sources.find((s) => s.name === name);
      if (!src) continue;
      countPiece(n, src.text, words);
    }
    row(name, n);
  }
  if (rows.length > 1)
    rows.push({
      name: 'total',
      counts: which.map((_, i) => rows.reduce((t, r) => t + (r.counts[i] ?? 0), 0)),
      size: 0,
    });
  // GNU: no padding for a single number; 7 columns when reading stdin; else the digits of the total size.
  const usesStdin = order.includes('-');
  const totalSize = rows.reduce((t, r) => t + r.size, 0);
  const width = which.length === 1 && rows.length === 1 ? 0 : usesStdin ? 7 : String(totalSize).length;
  for (const r of rows) {
    const cols = r.counts.map((c) => String(c).padStart(width)).join(' ');
    ctx.out(r.name === '-' ? `${cols}\n` : `${cols} ${r.name}\n`);
  }
  return ok ? 0 : 1;
};
wcCommand.streamsStdin = true;

export const sortCommand = simple((ctx) => {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 'nruf');
  if (bad !== undefined) return usageError(ctx, 'sort', `invalid option -- '${bad}'`);
  const { sources, ok } = readSources(ctx, 'sort', operands);
  let lines = sources.flatMap((s) => linesOf(s.text));
  const key = (l: string): string => (flags.has('f') ? l.toUpperCase() : l);
  lines.sort(
    flags.has('n')
      ? (a, b) => (parseFloat(a) || 0) - (parseFloat(b) || 0) || (a < b ? -1 : a > b ? 1 : 0)
      : (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
  );
  if (flags.has('r')) lines.reverse();
  if (flags.has('u')) lines = lines.filter((l, i) => i === 0 || key(l) !== key(lines[i - 1] ?? ''));
  if (lines.length > 0) ctx.out(lines.join('\n') + '\n');
  return ok ? 0 : 2;
});

export const uniqCommand = simple((ctx) => {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 'cdu');
  if (bad !== undefined) return usageError(ctx, 'uniq', `invalid option -- '${bad}'`);
  const { sources, ok } = readSources(ctx, 'uniq', operands.slice(0, 1));
  const groups: [string, number][] = [];
  for (const l of sources.flatMap((s) => linesOf(s.text))) {
    const last = groups[groups.length - 1];
    if (last && last[0] === l) last[1]++;
    else groups.push([l, 1]);
  }
  for (const [l, n] of groups) {
    if ((flags.has('d') && n < 2) || (flags.has('u') && n > 1)) continue;
    ctx.out(flags.has('c') ? `${String(n).padStart(7)} ${l}\n` : `${l}\n`);
  }
  return ok ? 0 : 1;
});

/** Parse a cut list (`1,3-5,7-`) into a membership test. */
function cutList(spec: string): ((i: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of spec.split(',')) {
    const m = /^([0-9]*)(-?)([0-9]*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) return undefined;
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] === '' ? a : m[3] === '' ? Infinity : Number(m[3]);
    ranges.push([a, b]);
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

export const cutCommand = simple((ctx) => {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 's', 'dfc');
  if (bad !== undefined) return usageError(ctx, 'cut', `invalid option -- '${bad}'`);
  const spec = flags.get('f') ?? flags.get('c');
  if (spec === undefined)
    return usageError(ctx, 'cut', 'you must specify a list of bytes, characters, or fields');
  const pick = cutList(spec);
  if (!pick) return usageError(ctx, 'cut', `invalid field value '${spec}'`);
  const delim = flags.get('d') ?? '\t';
  const { sources, ok } = readSources(ctx, 'cut', operands);
  for (const line of sources.flatMap((s) => linesOf(s.text))) {
    if (flags.has('c')) ctx.out([...line].filter((_, i) => pick(i + 1)).join('') + '\n');
    else if (!line.includes(delim)) {
      if (!flags.has('s')) ctx.out(line + '\n');
    } else
      ctx.out(
        line
          .split(delim)
          .filter((_, i) => pick(i + 1))
          .join(delim) + '\n',
      );
  }
  return ok ? 0 : 1;
});

/** Expand a tr set: ranges `a-z`, escapes `\n`, classes `[:upper:]`. */
function trSet(s: string): string[] {
  const expanded = s
    .replace(/\[:upper:\]/g, 'A-Z')
    .replace(/\[:lower:\]/g, 'a-z')
    .replace(/\[:digit:\]/g, '0-9')
    .replace(/\[:space:\]/g, ' \t\n')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
  const out: string[] = [];
  for (let i = 0; i < expanded.length; i++) {
    const a = expanded.charAt(i);
    if (expanded.charAt(i + 1) === '-' && i + 2 < expanded.length) {
      const b = expanded.charCodeAt(i + 2);
      for (let c = a.charCodeAt(0); c <= b; c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(a);
  }
  return out;
}

export const trCommand = simple((ctx) => {
  const { flags, operands } = parseOptions(ctx.argv.slice(1), 'ds');
  const [from, to] = operands;
  if (from === undefined) return usageError(ctx, 'tr', 'missing operand');
  const set1 = trSet(from);
  let text = ctx.stdin;
  if (flags.has('d')) text = [...text].filter((c) => !set1.includes(c)).join('');
  else if (to !== undefined) {
    const set2 = trSet(to);
    text = [...text]
      .map((c) => (set1.includes(c) ? (set2[set1.indexOf(c)] ?? set2[set2.length - 1] ?? c) : c))
      .join('');
  }
  if (flags.has('s')) {
    const squeeze = flags.has('d') || to === undefined ? set1 : trSet(to);
    text = [...text].filter((c, i, a) => !(i > 0 && c === a[i - 1] && squeeze.includes(c))).join('');
  }
  ctx.out(text);
  return 0;
});
