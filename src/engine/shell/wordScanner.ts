/**
 * Scans one shell word into parts: quotes, backslashes, `$VAR`, `${...}`, `$(...)`, `$((...))`,
 * backquotes and a leading `~`. Modes: `normal` (a command-line word, ends at a metacharacter),
 * `heredoc` (an unquoted here-document body: only `$`, backquote and backslash are special) and
 * `arg` (the argument of `${x:-...}`: quotes work, blanks are plain characters).
 */
import type { Word, WordPart } from './ast';
import { Cursor } from './cursor';
import { unmatched } from './errors';
import { findArithClose, findBacktickClose, findBraceClose, findParenClose } from './matchClose';
import { parseParamContent } from './paramScanner';

export type WordMode = 'normal' | 'heredoc' | 'arg';

export const METACHARS = ' \t\n;&|()<>';
const SPECIAL_PARAMS = '@*#?$!-';

class PartsBuilder {
  readonly parts: WordPart[] = [];
  lit(text: string, quoted: boolean): void {
    const last = this.parts[this.parts.length - 1];
    if (last && last.kind === 'lit' && last.quoted === quoted && text !== '' && last.text !== '') {
      last.text += text;
    } else this.parts.push({ kind: 'lit', text, quoted });
  }
  push(part: WordPart): void {
    this.parts.push(part);
  }
}

/** Scans a word at the cursor. In `normal` mode it stops before a metacharacter. */
export function scanWord(c: Cursor, mode: WordMode): Word {
  const start = c.pos;
  const b = new PartsBuilder();
  if (mode === 'normal' && c.peek() === '~') scanTilde(c, b);
  while (!c.eof) {
    const ch = c.peek();
    if (mode === 'normal' && METACHARS.includes(ch)) break;
    if (ch === '\\') scanBackslash(c, b, mode);
    else if (ch === "'" && mode !== 'heredoc') scanSingle(c, b);
    else if (ch === '"' && mode !== 'heredoc') scanDouble(c, b);
    else if (ch === '$') scanDollar(c, b, mode === 'heredoc', mode !== 'heredoc');
    else if (ch === '`') scanBacktick(c, b, mode === 'heredoc');
    else {
      b.lit(ch, mode === 'heredoc');
      c.pos++;
    }
  }
  return { parts: b.parts, raw: c.src.slice(start, c.pos) };
}

/** Scans a whole string in the given mode (heredoc bodies, `${x:-arg}`, arithmetic text). */
export function scanText(text: string, line: number, mode: WordMode): Word {
  return scanWord(new Cursor(text, line), mode);
}

function scanTilde(c: Cursor, b: PartsBuilder): void {
  const m = /^~([A-Za-z0-9._-]*)/.exec(c.src.slice(c.pos, c.pos + 64));
  const len = m ? m[0].length : 1;
  const after = c.peek(len);
  if (after === '' || after === '/' || METACHARS.includes(after)) {
    b.push({ kind: 'tilde', user: m?.[1] ?? '' });
    c.pos += len;
  }
}

function scanBackslash(c: Cursor, b: PartsBuilder, mode: WordMode): void {
  const next = c.peek(1);
  if (next === '\n') {
    c.pos += 2;
    if (c.eof) c.danglingBackslash = true;
    return;
  }
  if (next === '') {
    // A trailing backslash: bash would read another line; taken literally at the very end.
    c.danglingBackslash = true;
    b.lit('\\', true);
    c.pos++;
    return;
  }
  if (mode === 'heredoc' && !'$`\\'.includes(next)) {
    b.lit('\\', true);
    c.pos++;
    return;
  }
  b.lit(next, true);
  c.pos += 2;
}

function scanSingle(c: Cursor, b: PartsBuilder): void {
  const end = c.src.indexOf("'", c.pos + 1);
  if (end < 0) throw unmatched("'", c.lineAt());
  b.lit(c.src.slice(c.pos + 1, end), true);
  c.pos = end + 1;
}

function scanDouble(c: Cursor, b: PartsBuilder): void {
  const line = c.lineAt();
  c.pos++;
  const before = b.parts.length;
  for (;;) {
    if (c.eof) throw unmatched('"', line);
    const ch = c.peek();
    if (ch === '"') break;
    if (ch === '\\') {
      const next = c.peek(1);
      if (next === '\n') c.pos += 2;
      else if (next !== '' && '$`"\\'.includes(next)) {
        b.lit(next, true);
        c.pos += 2;
      } else {
        b.lit('\\', true);
        c.pos++;
      }
    } else if (ch === '$') scanDollar(c, b, true, false);
    else if (ch === '`') scanBacktick(c, b, true);
    else {
      b.lit(ch, true);
      c.pos++;
    }
  }
  c.pos++;
  if (b.parts.length === before) b.lit('', true);
}

function scanDollar(c: Cursor, b: PartsBuilder, quoted: boolean, allowAnsi: boolean): void {
  const next = c.peek(1);
  if (next === '{') return scanBrace(c, b, quoted);
  if (next === '(') return scanParen(c, b, quoted);
  if (next === "'" && allowAnsi) return scanAnsi(c, b);
  if (next === '"' && allowAnsi) {
    c.pos++; // $"..." (locale translation) is "..." here
    return;
  }
  const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(c.src.slice(c.pos + 1, c.pos + 256));
  let name: string | undefined;
  if (ident) name = ident[0];
  else if (next !== '' && (/[0-9]/.test(next) || SPECIAL_PARAMS.includes(next))) name = next;
  if (name === undefined) {
    b.lit('$', quoted);
    c.pos++;
    return;
  }
  b.push({ kind: 'param', param: { name, op: '', raw: '$' + name }, quoted });
  c.pos += 1 + name.length;
}

function scanBrace(c: Cursor, b: PartsBuilder, quoted: boolean): void {
  const line = c.lineAt();
  const end = findBraceClose(c.src, c.pos + 2);
  if (end < 0) throw unmatched('}', line);
  const content = c.src.slice(c.pos + 2, end);
  const raw = c.src.slice(c.pos, end + 1);
  const param = parseParamContent(content, raw, line, (text, l) => scanText(text, l, 'arg'));
  b.push({ kind: 'param', param, quoted });
  c.pos = end + 1;
}

function scanParen(c: Cursor, b: PartsBuilder, quoted: boolean): void {
  if (c.peek(2) === '(') {
    const end = findArithClose(c.src, c.pos + 3);
    if (end >= 0) {
      const line = c.lineAt();
      const expr = scanText(c.src.slice(c.pos + 3, end), line, 'heredoc');
      b.push({ kind: 'arith', expr, quoted });
      c.pos = end + 2;
      return;
    }
  }
  const end = findParenClose(c.src, c.pos + 2);
  if (end < 0) {
    c.pos = c.src.length;
    throw unmatched(')', c.lineAt());
  }
  b.push({ kind: 'cmdsub', source: c.src.slice(c.pos + 2, end), line: c.lineAt(), quoted, backquote: false });
  c.pos = end + 1;
}

function scanBacktick(c: Cursor, b: PartsBuilder, quoted: boolean): void {
  const line = c.lineAt();
  const end = findBacktickClose(c.src, c.pos + 1);
  if (end < 0) throw unmatched('`', line);
  const source = c.src.slice(c.pos + 1, end).replace(/\\([\\`$])/g, '$1');
  b.push({ kind: 'cmdsub', source, line, quoted, backquote: true });
  c.pos = end + 1;
}

const ANSI_ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** `$'...'`: ANSI-C quoting. */
function scanAnsi(c: Cursor, b: PartsBuilder): void {
  const line = c.lineAt();
  let i = c.pos + 2;
  let text = '';
  for (;;) {
    if (i >= c.src.length) throw unmatched("'", line);
    const ch = c.src.charAt(i);
    if (ch === "'") break;
    if (ch === '\\' && i + 1 < c.src.length) {
      const [s, used] = ansiEscape(c.src, i + 1);
      text += s;
      i += 1 + used;
    } else {
      text += ch;
      i++;
    }
  }
  b.lit(text, true);
  c.pos = i + 1;
}

/** Decode the escape whose letter is at `i`; returns the text and the characters used. */
export function ansiEscape(src: string, i: number): [string, number] {
  const ch = src.charAt(i);
  const simpleEsc = ANSI_ESCAPES[ch];
  if (simpleEsc !== undefined) return [simpleEsc, 1];
  const oct = /^[0-7]{1,3}/.exec(src.slice(i, i + 3));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8) & 0xff), oct[0].length];
  const hex = ch === 'x' ? /^[0-9A-Fa-f]{1,2}/.exec(src.slice(i + 1, i + 3)) : null;
  if (hex) return [String.fromCharCode(parseInt(hex[0], 16)), 1 + hex[0].length];
  return ['\\' + ch, 1];
}
