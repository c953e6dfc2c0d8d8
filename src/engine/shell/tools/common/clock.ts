/**
 * Wall-clock text from virtual time: the lab's clock starts at the seed article's date,
 * 2019-08-05 08:00:00 UTC (apps/httpDate.ts), and the hosts' local time zone is UTC.
 */
import { civilFromDays, LAB_EPOCH_S } from '../../../apps/httpDate';

const DAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface LabTime {
  y: number;
  m: number;
  d: number;
  hh: string;
  mm: string;
  ss: string;
  /** Microseconds within the second. */
  us: number;
  weekday: string;
  month: string;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function labTime(virtualUs: number): LabTime {
  const secs = LAB_EPOCH_S + Math.floor(virtualUs / 1_000_000);
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const { y, m, d } = civilFromDays(days);
  return {
    y,
    m,
    d,
    hh: pad2(Math.floor(rem / 3600)),
    mm: pad2(Math.floor((rem % 3600) / 60)),
    ss: pad2(rem % 60),
    us: virtualUs % 1_000_000,
    weekday: DAYS[days % 7] ?? '',
    month: MONTHS[m - 1] ?? '',
  };
}

/** tcpdump's `08:00:00.000300`. */
export function clockWithMicros(virtualUs: number): string {
  const t = labTime(virtualUs);
  return `${t.hh}:${t.mm}:${t.ss}.${String(t.us).padStart(6, '0')}`;
}

/** systemd's `Mon 2019-08-05 08:00:00 UTC`. */
export function systemdTimestamp(virtualUs: number): string {
  const t = labTime(virtualUs);
  return `${t.weekday} ${t.y}-${pad2(t.m)}-${pad2(t.d)} ${t.hh}:${t.mm}:${t.ss} UTC`;
}

/** The journal's `Aug 05 08:00:00`. */
export function syslogTimestamp(virtualUs: number): string {
  const t = labTime(virtualUs);
  return `${t.month} ${pad2(t.d)} ${t.hh}:${t.mm}:${t.ss}`;
}

/** format_timestamp_relative (systemd 219): `5min ago`, `1h 2min ago`, `3s ago`. */
export function relativeAgo(deltaUs: number): string {
  const s = Math.floor(deltaUs / 1_000_000);
  const min = 60;
  const hour = 3600;
  const day = 86400;
  if (s >= 2 * day) return `${Math.floor(s / day)} days ago`;
  if (s >= 25 * hour) return `1 day ${Math.floor((s - day) / hour)}h ago`;
  if (s >= 6 * hour) return `${Math.floor(s / hour)}h ago`;
  if (s >= hour) return `${Math.floor(s / hour)}h ${Math.floor((s % hour) / min)}min ago`;
  if (s >= 5 * min) return `${Math.floor(s / min)}min ago`;
  if (s >= min) return `${Math.floor(s / min)}min ${s % min}s ago`;
  if (s >= 1) return `${s}s ago`;
  if (deltaUs >= 1000) return `${Math.floor(deltaUs / 1000)}ms ago`;
  return deltaUs > 0 ? `${deltaUs}us ago` : 'now';
}

/** ctime(3): `Mon Aug  5 08:00:00 2019` (iptables-save's stamp). */
export function ctimeText(virtualUs: number): string {
  const t = labTime(virtualUs);
  return `${t.weekday} ${t.month} ${String(t.d).padStart(2)} ${t.hh}:${t.mm}:${t.ss} ${t.y}`;
}
