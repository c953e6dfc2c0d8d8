/**
 * Brace expansion: `{a,b}` and `{1..10}` / `{a..e}` / `{1..10..2}`, on the unquoted literal
 * text of a word (the first step of bash's expansions). Results are capped.
 */
import type { Word, WordPart } from './ast';

const MAX_WORDS = 10000;

/** Index of the `}` matching the `{` at `open`, or -1. */
function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Split the inside of a brace at its top-level commas. */
function splitCommas(inner: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      items.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  items.push(inner.slice(start));
  return items;
}

function sequence(inner: string): string[] | undefined {
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(inner);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    const step = Math.abs(Number(num[3] ?? '1')) || 1;
    const pad = (t: string | undefined): boolean => /^-?0\d/.test(t ?? '');
    const width = pad(num[1]) || pad(num[2]) ? Math.max((num[1] ?? '').length, (num[2] ?? '').length) : 0;
    const fmt = (v: number): string => {
      const digits = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      return v < 0 ? '-' + digits : digits;
    };
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
      out.push(fmt(v));
      if (out.length > MAX_WORDS) break;
    }
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (!chr) return undefined;
  const a = (chr[1] ?? 'a').charCodeAt(0);
  const b = (chr[2] ?? 'a').charCodeAt(0);
  const step = Math.abs(Number(chr[3] ?? '1')) || 1;
  const out: string[] = [];
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) out.push(String.fromCharCode(v));
  return out;
}

/** The alternatives of the first expandable brace in `text`: [prefix, items, suffix]. */
function findBrace(text: string): [string, string[], string] | undefined {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    const close = matchBrace(text, open);
    if (close < 0) return undefined;
    const inner = text.slice(open + 1, close);
    const items = inner.includes(',') ? splitCommas(inner) : sequence(inner);
    if (items && (items.length > 1 || sequence(inner)))
      return [text.slice(0, open), items, text.slice(close + 1)];
  }
  return undefined;
}

/** Expand the braces of a word into one or more words. */
export function braceExpand(word: Word): Word[] {
  if (!word.parts.some((p) => p.kind === 'lit' && !p.quoted && p.text.includes('{'))) return [word];
  const out: Word[] = [];
  const todo: Word[] = [word];
  while (todo.length > 0 && out.length < MAX_WORDS) {
    const w = todo.shift();
    if (!w) break;
    const at = w.parts.findIndex((p) => p.kind === 'lit' && !p.quoted && findBrace(p.text) !== undefined);
    const part = w.parts[at];
    if (at < 0 || !part || part.kind !== 'lit') {
      out.push(w);
      continue;
    }
    const [prefix, items, suffix] = findBrace(part.text) ?? ['', [], ''];
    const variants = items.map((item): Word => {
      const parts: WordPart[] = [...w.parts];
      parts[at] = { kind: 'lit', text: prefix + item + suffix, quoted: false };
      return { parts, raw: w.raw };
    });
    todo.unshift(...variants);
  }
  return out;
}
