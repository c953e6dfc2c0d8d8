/**
 * A page's own trace bound: `?traceKeep=N` keeps N events in full detail instead of the
 * session's default (tests and the long-session spec use a small one to see summaries in
 * seconds). Undefined when the address sets none or a bad one.
 */
export function traceKeepFromUrl(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('traceKeep');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}
