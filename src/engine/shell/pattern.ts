/**
 * Shell glob patterns (`*`, `?`, `[...]`, `\x`) as used by `case`, `[[ == ]]` and `${x#pat}`.
 * Quoted characters reach here backslash-escaped (see expandPattern).
 */

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'A-Za-z0-9_',
};

const cache = new Map<string, RegExp>();

function escapeRe(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
}

/** Translate a bracket expression starting at `i` (just past `[`); undefined if unterminated. */
function bracket(p: string, i: number): [string, number] | undefined {
  let j = i;
  let negate = false;
  if (p[j] === '!' || p[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  while (j < p.length) {
    const ch = p.charAt(j);
    if (ch === ']' && !first) return [`[${negate ? '^' : ''}${body}]`, j + 1];
    first = false;
    if (ch === '[' && p[j + 1] === ':') {
      const end = p.indexOf(':]', j + 2);
      const cls = end > 0 ? CLASSES[p.slice(j + 2, end)] : undefined;
      if (cls !== undefined) {
        body += cls;
        j = end + 2;
        continue;
      }
    }
    if (ch === '\\' && j + 1 < p.length) {
      body += escapeRe(p.charAt(j + 1));
      j += 2;
      continue;
    }
    if (ch === '-' && body !== '' && p[j + 1] !== ']') body += '-';
    else body += escapeRe(ch);
    j++;
  }
  return undefined;
}

export function globToRegExp(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let re = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern.charAt(i);
    if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else if (ch === '\\' && i + 1 < pattern.length) {
      re += escapeRe(pattern.charAt(i + 1));
      i += 2;
      continue;
    } else if (ch === '[') {
      const b = bracket(pattern, i + 1);
      if (b) {
        re += b[0];
        i = b[1];
        continue;
      }
      re += '\\[';
    } else re += escapeRe(ch);
    i++;
  }
  let compiled: RegExp;
  try {
    compiled = new RegExp(`^(?:${re})$`);
  } catch {
    compiled = new RegExp(`^${escapeAll(pattern)}$`);
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function escapeAll(s: string): string {
  return [...s].map(escapeRe).join('');
}

export function matchPattern(pattern: string, text: string): boolean {
  return globToRegExp(pattern).test(text);
}

/** Escape glob characters so the text matches itself. */
export function quotePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** `${v#pat}` (longest = `##`): remove the shortest/longest matching prefix. */
export function removePrefix(v: string, pattern: string, longest: boolean): string {
  const re = globToRegExp(pattern);
  for (let k = 0; k <= v.length; k++) {
    const i = longest ? v.length - k : k;
    if (re.test(v.slice(0, i))) return v.slice(i);
  }
  return v;
}

/** `${v%pat}` (longest = `%%`): remove the shortest/longest matching suffix. */
export function removeSuffix(v: string, pattern: string, longest: boolean): string {
  const re = globToRegExp(pattern);
  for (let k = 0; k <= v.length; k++) {
    const i = longest ? k : v.length - k;
    if (re.test(v.slice(i))) return v.slice(0, i);
  }
  return v;
}

/** `${v/pat/rep}`: mode `first`, `all` (`//`), `prefix` (`/#`) or `suffix` (`/%`). */
export function replacePattern(
  v: string,
  pattern: string,
  rep: string,
  mode: 'first' | 'all' | 'prefix' | 'suffix',
): string {
  const re = globToRegExp(pattern);
  if (mode === 'prefix') {
    for (let j = v.length; j >= 0; j--) if (re.test(v.slice(0, j))) return rep + v.slice(j);
    return v;
  }
  if (mode === 'suffix') {
    for (let i = 0; i <= v.length; i++) if (re.test(v.slice(i))) return v.slice(0, i) + rep;
    return v;
  }
  let out = '';
  let i = 0;
  while (i < v.length) {
    let j = v.length;
    while (j > i && !re.test(v.slice(i, j))) j--;
    if (j > i) {
      out += rep;
      i = j;
      if (mode === 'first') return out + v.slice(i);
    } else out += v.charAt(i++);
  }
  return out;
}
