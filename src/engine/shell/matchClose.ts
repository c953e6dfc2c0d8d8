/**
 * Finding where `$(`, `${`, `$((` and backquotes end, skipping quoted text on the way, the
 * way bash's parse_matched_pair does (simplified: no comments or case patterns inside).
 */

/** Index just past the closing single quote at or after `from`, or -1. */
function skipSingle(src: string, from: number): number {
  const end = src.indexOf("'", from);
  return end < 0 ? -1 : end + 1;
}

/** Index just past the closing double quote, or -1 (`from` is just past the opening one). */
export function skipDouble(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i + 1;
    else if (ch === '$' && src[i + 1] === '(') {
      const end = findParenClose(src, i + 2);
      if (end < 0) return -1;
      i = end + 1;
    } else if (ch === '`') {
      const end = findBacktickClose(src, i + 1);
      if (end < 0) return -1;
      i = end + 1;
    } else i++;
  }
  return -1;
}

/** Skip one quoted region starting at `i`; returns the index after it, -1 if unterminated, or `i` if none. */
function skipQuoted(src: string, i: number): number {
  const ch = src[i];
  if (ch === "'") return skipSingle(src, i + 1);
  if (ch === '"') return skipDouble(src, i + 1);
  if (ch === '`') {
    const end = findBacktickClose(src, i + 1);
    return end < 0 ? -1 : end + 1;
  }
  if (ch === '\\') return i + 2 <= src.length ? i + 2 : -1;
  return i;
}

/** Index of the `)` closing a `(` opened just before `from`, or -1. */
export function findParenClose(src: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < src.length) {
    const skipped = skipQuoted(src, i);
    if (skipped < 0) return -1;
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const ch = src[i];
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
    i++;
  }
  return -1;
}

/** Index of the `}` closing a `${` opened just before `from`, or -1. */
export function findBraceClose(src: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < src.length) {
    const skipped = skipQuoted(src, i);
    if (skipped < 0) return -1;
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const ch = src[i];
    if (ch === '$' && src[i + 1] === '(') {
      const end = findParenClose(src, i + 2);
      if (end < 0) return -1;
      i = end + 1;
      continue;
    }
    if (ch === '$' && src[i + 1] === '{') {
      depth++;
      i += 2;
      continue;
    }
    if (ch === '}' && --depth === 0) return i;
    i++;
  }
  return -1;
}

/** Index of the closing backquote (escaped ones skipped), or -1. */
export function findBacktickClose(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '`') return i;
  }
  return -1;
}

/**
 * For `$((`: the index of the first of the two closing parens when the text is an arithmetic
 * expansion, `-1` when it runs off the end, or `-2` when it is a command substitution of a
 * subshell instead (`$( (a) | b )`).
 */
export function findArithClose(src: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < src.length) {
    const skipped = skipQuoted(src, i);
    if (skipped < 0) return -1;
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const ch = src[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return src[i + 1] === ')' ? i : -2;
      depth--;
    }
    i++;
  }
  return -1;
}
