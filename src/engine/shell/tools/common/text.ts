/** printf-style column helpers, so each tool's format reads like the C it reproduces. */

/** `%-Ns`: left-justified, padded to at least n. */
export function left(s: string, n: number): string {
  return s.padEnd(n);
}

/** `%Ns`: right-justified, padded to at least n. */
export function right(s: string, n: number): string {
  return s.padStart(n);
}

/** `%-N.Ns`: left-justified and cut to exactly n. */
export function cut(s: string, n: number): string {
  return s.slice(0, n).padEnd(n);
}

/** Join lines and end each with a newline ('' for none). */
export function lines(ls: readonly string[]): string {
  return ls.length === 0 ? '' : ls.join('\n') + '\n';
}

/** `%ld.%03ld` of a microsecond count, as ping and tcpdump print milliseconds. */
export function msDotUs(us: number): string {
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}
