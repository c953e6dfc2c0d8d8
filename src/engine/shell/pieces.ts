/** The intermediate form of an expanded word, and field splitting (bash's word splitting). */

/**
 * A run of expanded text. `quoted`: came from quotes (so `""` still makes a field);
 * `split`: subject to IFS splitting (unquoted expansion results); `glob`: its `* ? [` are
 * pattern characters (for case and `${x#pat}`).
 */
export interface Seg {
  text: string;
  quoted: boolean;
  split: boolean;
  glob: boolean;
}

/** `brk` separates the fields of `"$@"`. */
export type Piece = Seg | { brk: true };

export function seg(text: string, quoted: boolean, split = !quoted, glob = !quoted): Seg {
  return { text, quoted, split, glob };
}

export function isBreak(p: Piece): p is { brk: true } {
  return 'brk' in p;
}

/** Fields after IFS splitting. IFS whitespace runs collapse; other IFS characters each end a field. */
export function splitFields(pieces: readonly Piece[], ifs: string): string[] {
  const fields: string[] = [];
  let cur = '';
  let has = false;
  const flush = (): void => {
    fields.push(cur);
    cur = '';
    has = false;
  };
  for (const p of pieces) {
    if (isBreak(p)) {
      flush();
      continue;
    }
    if (!p.split || ifs === '') {
      cur += p.text;
      if (p.quoted || p.text !== '') has = true;
      continue;
    }
    for (const ch of p.text) {
      if (!ifs.includes(ch)) {
        cur += ch;
        has = true;
      } else if (' \t\n'.includes(ch)) {
        if (has) flush();
      } else flush();
    }
  }
  if (has) flush();
  return fields;
}

/** The pieces joined into one string (no splitting): assignments, redirection targets, heredocs. */
export function joinPieces(pieces: readonly Piece[]): string {
  return pieces.map((p) => (isBreak(p) ? ' ' : p.text)).join('');
}

/** The pieces as a glob pattern: quoted text escaped so it matches literally. */
export function patternOf(pieces: readonly Piece[]): string {
  return pieces
    .map((p) => {
      if (isBreak(p)) return ' ';
      return p.glob ? p.text : p.text.replace(/[\\*?[\]]/g, '\\$&');
    })
    .join('');
}
