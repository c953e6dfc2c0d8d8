const QUOTE = 0x22;
/** JavaScript's `\s`, tested once per character: ASCII by code, the rest by the pattern. */
const SPACE = /\s/;

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && SPACE.test(String.fromCharCode(c)));
}

/** `!` or `#` at the start of a word: a comment to the end of the line. */
function endsLine(c: number): boolean {
  return c === 0x21 || c === 0x23;
}

/**
 * keepalived 1.3.5's lexer (lib/parser.c alloc_strvec): a line is cut at white space; `!` or
 * `#` at the start of a word ends it; a double quote is a word of its own, so a quoted value
 * arrives as `"`, words, `"` and set_value joins it back. Braces are ordinary words.
 */
export function alloc_strvec(line: string): string[] | undefined {
  const words: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  if (i >= n || endsLine(line.charCodeAt(i))) return undefined;
  for (;;) {
    if (line.charCodeAt(i) === QUOTE) {
      words.push('"');
      i++;
    } else {
      const start = i;
      while (i < n && !isSpace(line.charCodeAt(i)) && line.charCodeAt(i) !== QUOTE) i++;
      words.push(line.slice(start, i));
    }
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n || endsLine(line.charCodeAt(i))) return words;
  }
}

/** set_value: the keyword's value; a quoted value is joined with single spaces. */
export function setValue(strvec: readonly string[]): string {
  if (strvec[1] !== '"') return strvec[1] ?? '';
  const out: string[] = [];
  for (let i = 2; i < strvec.length && strvec[i] !== '"'; i++) out.push(strvec[i]!);
  return out.join(' ');
}

/** C's atoi: optional sign and leading digits, else 0 (what most 1.3.5 handlers use). */
export function atoi(s: string | undefined): number {
  const m = /^\s*([+-]?\d+)/.exec(s ?? '');
  if (!m) return 0;
  const n = Number(m[1]);
  // int overflow wraps in C; a config never needs it, so clamp to the 32-bit range.
  return Math.max(-2147483648, Math.min(2147483647, n));
}

/** atof, for advert_int. */
export function atof(s: string | undefined): number {
  const m = /^\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(s ?? '');
  const n = m ? Number(m[1]) : 0;
  return Number.isFinite(n) ? n : 0;
}

/**
 * A file's word vectors, frozen, by its text: each daemon start parses the same file three
 * times (parent, VRRP and checker process) and a lab starts two daemons. A memo of derived
 * values, bounded; a handler that tried to change a shared vector would throw.
 */
const vectorsOf = new Map<string, readonly string[][]>();

function tokenized(text: string): readonly string[][] {
  let v = vectorsOf.get(text);
  if (v === undefined) {
    const vecs: string[][] = [];
    for (const line of text.split('\n')) {
      const words = alloc_strvec(line);
      if (words) vecs.push(Object.freeze(words) as string[]);
    }
    v = vecs;
    if (vectorsOf.size >= 16) vectorsOf.clear();
    vectorsOf.set(text, v);
  }
  return v;
}

/** The lines of the file, one word vector each (blank and comment lines dropped). */
export class LineReader {
  private i = 0;
  private readonly vecs: readonly string[][];
  constructor(text: string) {
    this.vecs = tokenized(text);
  }
  next(): string[] | undefined {
    return this.i < this.vecs.length ? this.vecs[this.i++] : undefined;
  }
}
