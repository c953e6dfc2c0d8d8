/**
 * HTTP dates from virtual time. The lab's clock starts at the seed article's date
 * (Mon, 05 Aug 2019 08:00:00 GMT), so the same run prints the same headers.
 */
export const LAB_EPOCH_S = 1564992000;

const DAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The second formatted last and its text: a run of requests answers many within one second. A
 * memo of a pure function of the second (the same text as formatting it again).
 */
let lastSecs = -1;
let lastText = '';

/** RFC 7231 IMF-fixdate, computed with integer civil-from-days arithmetic (no Date object). */
export function httpDate(virtualUs: number): string {
  const secs = LAB_EPOCH_S + Math.floor(virtualUs / 1_000_000);
  if (secs !== lastSecs) {
    lastText = formatSecs(secs);
    lastSecs = secs;
  }
  return lastText;
}

/** `secs` (Unix time) as an IMF-fixdate (exported for the test that proves the memo above). */
export function formatSecs(secs: number): string {
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const { y, m, d } = civilFromDays(days);
  const hh = String(Math.floor(rem / 3600)).padStart(2, '0');
  const mm = String(Math.floor((rem % 3600) / 60)).padStart(2, '0');
  const ss = String(rem % 60).padStart(2, '0');
  return `${DAYS[days % 7]}, ${String(d).padStart(2, '0')} ${MONTHS[m - 1]} ${y} ${hh}:${mm}:${ss} GMT`;
}

/** Howard Hinnant's days → (year, month, day). */
export function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}
