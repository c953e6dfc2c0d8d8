/**
 * Turns source text into tokens on demand, so a script runs command by command and an error
 * on line 9 comes after lines 1-8 have run (as in bash). Here-document bodies are read when
 * the lexer reaches the end of the line that holds their `<<`.
 */
import type { Redirect, Word } from './ast';
import { Cursor } from './cursor';
import { findArithClose } from './matchClose';
import { scanText, scanWord } from './wordScanner';

export type Token =
  | { type: 'word'; word: Word; line: number }
  | { type: 'op'; op: string; line: number; fd?: number }
  | { type: 'arith'; text: string; line: number }
  | { type: 'newline'; line: number }
  | { type: 'eof'; line: number };

/** Longest first. */
const OPERATORS = [
  ';;&',
  ';;',
  ';&',
  ';',
  '&&',
  '&>>',
  '&>',
  '&',
  '||',
  '|&',
  '|',
  '(',
  ')',
  '<<<',
  '<<-',
  '<<',
  '<>',
  '<&',
  '<',
  '>>',
  '>&',
  '>|',
  '>',
];

interface PendingHeredoc {
  redirect: Redirect;
  delim: string;
  quoted: boolean;
  strip: boolean;
  line: number;
}

export class Lexer {
  private readonly c: Cursor;
  private buffered: Token | undefined;
  private pending: PendingHeredoc[] = [];
  /** Messages bash prints as `bash: warning: ...` (here-documents closed by end of input). */
  readonly warnings: string[] = [];
  /** A here-document ran into the end of input: more input would be needed. */
  unterminatedHeredoc = false;

  constructor(src: string, baseLine = 1) {
    this.c = new Cursor(src, baseLine);
  }

  /** The input ends in a backslash that asks for another line. */
  get danglingBackslash(): boolean {
    return this.c.danglingBackslash;
  }

  /** The line the lexer has read up to. */
  get line(): number {
    return this.c.lineAt();
  }

  get source(): string {
    return this.c.src;
  }

  peek(): Token {
    this.buffered ??= this.scan();
    return this.buffered;
  }

  next(): Token {
    const t = this.peek();
    this.buffered = undefined;
    return t;
  }

  /** Called by the parser right after a `<<` or `<<-` and its delimiter word. */
  addHeredoc(redirect: Redirect, strip: boolean, line: number): void {
    let delim = '';
    let quoted = false;
    for (const p of redirect.target.parts) {
      if (p.kind === 'lit') {
        delim += p.text;
        if (p.quoted) quoted = true;
      } else if (p.kind === 'tilde') delim += '~' + p.user;
      else delim += redirect.target.raw;
    }
    this.pending.push({ redirect, delim, quoted, strip, line });
  }

  private scan(): Token {
    const c = this.c;
    this.skipBlanks();
    const line = c.lineAt();
    if (c.eof) {
      this.readHeredocs();
      return { type: 'eof', line };
    }
    const ch = c.peek();
    if (ch === '\n') {
      c.pos++;
      this.readHeredocs();
      return { type: 'newline', line };
    }
    if (c.startsWith('((')) {
      const end = findArithClose(c.src, c.pos + 2);
      if (end >= 0) {
        const text = c.src.slice(c.pos + 2, end);
        c.pos = end + 2;
        return { type: 'arith', text, line };
      }
    }
    const op = OPERATORS.find((o) => c.startsWith(o));
    if (op !== undefined) {
      c.pos += op.length;
      return { type: 'op', op, line };
    }
    const word = scanWord(c, 'normal');
    if (/^[0-9]+$/.test(word.raw) && (c.peek() === '<' || c.peek() === '>')) {
      const redir = OPERATORS.find((o) => c.startsWith(o));
      if (redir !== undefined) {
        c.pos += redir.length;
        return { type: 'op', op: redir, line, fd: Number(word.raw) };
      }
    }
    return { type: 'word', word, line };
  }

  private skipBlanks(): void {
    const c = this.c;
    for (;;) {
      const ch = c.peek();
      if (ch === ' ' || ch === '\t') c.pos++;
      else if (ch === '\\' && c.peek(1) === '\n') {
        c.pos += 2;
        if (c.eof) c.danglingBackslash = true;
      } else if (ch === '#') {
        const nl = c.src.indexOf('\n', c.pos);
        c.pos = nl < 0 ? c.src.length : nl;
      } else return;
    }
  }

  private readHeredocs(): void {
    for (const h of this.pending) this.readHeredoc(h);
    this.pending = [];
  }

  private readHeredoc(h: PendingHeredoc): void {
    const c = this.c;
    const bodyLine = c.lineAt();
    let body = '';
    for (;;) {
      if (c.eof) {
        this.unterminatedHeredoc = true;
        this.warnings.push(`here-document at line ${h.line} delimited by end-of-file (wanted \`${h.delim}')`);
        break;
      }
      const nl = c.src.indexOf('\n', c.pos);
      const end = nl < 0 ? c.src.length : nl;
      let text = c.src.slice(c.pos, end);
      c.pos = nl < 0 ? end : end + 1;
      if (h.strip) text = text.replace(/^\t+/, '');
      if (text === h.delim) break;
      body += text + '\n';
    }
    const word: Word = h.quoted
      ? { parts: [{ kind: 'lit', text: body, quoted: true }], raw: body }
      : scanText(body, bodyLine, 'heredoc');
    h.redirect.heredoc = { body: word, quoted: h.quoted };
  }
}

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The token as a reserved word (`if`, `{` ...): a single unquoted literal, else undefined. */
export function keywordOf(t: Token): string | undefined {
  if (t.type !== 'word' || t.word.parts.length !== 1) return undefined;
  const p = t.word.parts[0];
  return p && p.kind === 'lit' && !p.quoted ? p.text : undefined;
}
