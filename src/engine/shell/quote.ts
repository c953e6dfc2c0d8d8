/** Quoting text back into shell syntax, as bash does for `set -x`, `set` and `declare -p`. */

/** Single-quote `s` when it holds anything but plain word characters (bash's xtrace style). */
export function shellQuote(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** Double-quoted, as `declare -p` / `export -p` print values. */
export function doubleQuote(s: string): string {
  return `"${s.replace(/[\\"$`]/g, '\\$&')}"`;
}
