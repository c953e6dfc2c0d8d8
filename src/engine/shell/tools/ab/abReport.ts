/**
 * output_results() of ab 2.3: the report after a run, every figure computed from the run's
 * samples as ab does (integer µs means, sample standard deviation, its median of the two middle
 * entries for odd counts, ap_round_ms), printed with ab's printf formats.
 */
import type { AbMetrics, AbSample } from '../../../apps/ab';

export interface ReportHead {
  host: string;
  port: number;
  path: string;
  concurrency: number;
  keepalive: boolean;
  variableLength: boolean;
  percentiles: boolean;
  confidence: boolean;
}

const roundMs = (us: number): number => Math.floor((us + 500) / 1000);
const pad = (v: string | number, w: number): string => String(v).padStart(w);

type Key = 'ctime' | 'd' | 'waittime' | 'time';
const val = (s: AbSample, k: Key): number => (k === 'd' ? s.time - s.ctime : s[k]);

/** min, integer mean, sample sd (µs), ab's median, max for one column. */
function column(samples: readonly AbSample[], k: Key) {
  const n = samples.length;
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  let total = 0;
  for (const s of samples) {
    const v = val(s, k);
    min = Math.min(min, v);
    max = Math.max(max, v);
    total += v;
  }
  const mean = Math.trunc(total / n);
  let sq = 0;
  for (const s of samples) sq += (val(s, k) - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(sq / (n - 1)) : 0;
  const sorted = samples.map((s) => val(s, k)).sort((a, b) => a - b);
  const h = Math.floor(n / 2);
  const median =
    n > 1 && n % 2 ? Math.trunc(((sorted[h] ?? 0) + (sorted[h + 1] ?? 0)) / 2) : (sorted[h] ?? 0);
  return { min, mean, sd, median, max };
}

function sane(what: string, c: ReturnType<typeof column>): string {
  const d = Math.abs(roundMs(c.mean) - roundMs(c.median));
  const sd = c.sd / 1000;
  if (d > 2 * sd)
    return `ERROR: The median and mean for ${what} are more than twice the standard\n       deviation apart. These results are NOT reliable.\n`;
  if (d > sd)
    return `WARNING: The median and mean for ${what} are not within a normal deviation\n        These results are probably not that reliable.\n`;
  return '';
}

export function abReport(h: ReportHead, m: AbMetrics): string {
  const taken = (m.lastUs - m.startUs) / 1e6;
  let s = '\n\n';
  s += `Server Software:        ${m.serverName}\nServer Hostname:        ${h.host}\nServer Port:            ${h.port}\n\n`;
  s += `Document Path:          ${h.path}\n`;
  s += h.variableLength
    ? 'Document Length:        Variable\n\n'
    : `Document Length:        ${m.docLen} bytes\n\n`;
  s += `Concurrency Level:      ${h.concurrency}\nTime taken for tests:   ${taken.toFixed(3)} seconds\n`;
  s += `Complete requests:      ${m.done}\nFailed requests:        ${m.bad}\n`;
  if (m.bad)
    s += `   (Connect: ${m.errConn}, Receive: ${m.errRecv}, Length: ${m.errLength}, Exceptions: ${m.errExcept})\n`;
  if (m.errResponse) s += `Non-2xx responses:      ${m.errResponse}\n`;
  if (h.keepalive) s += `Keep-Alive requests:    ${m.doneka}\n`;
  s += `Total transferred:      ${m.totalRead} bytes\nHTML transferred:       ${m.totalBody} bytes\n`;
  if (taken > 0 && m.done > 0) {
    s += `Requests per second:    ${(m.done / taken).toFixed(2)} [#/sec] (mean)\n`;
    s += `Time per request:       ${((h.concurrency * taken * 1000) / m.done).toFixed(3)} [ms] (mean)\n`;
    s += `Time per request:       ${((taken * 1000) / m.done).toFixed(3)} [ms] (mean, across all concurrent requests)\n`;
    s += `Transfer rate:          ${(m.totalRead / 1024 / taken).toFixed(2)} [Kbytes/sec] received\n`;
  }
  const samples = m.samples;
  if (samples.length === 0) return s;
  const cols = {
    con: column(samples, 'ctime'),
    d: column(samples, 'd'),
    wait: column(samples, 'waittime'),
    tot: column(samples, 'time'),
  };
  s += '\nConnection Times (ms)\n';
  const rows: [string, ReturnType<typeof column>][] = [
    ['Connect:    ', cols.con],
    ['Processing: ', cols.d],
    ['Waiting:    ', cols.wait],
    ['Total:      ', cols.tot],
  ];
  if (h.confidence) {
    s += '              min  mean[+/-sd] median   max\n';
    for (const [label, c] of rows)
      s += `${label}${pad(roundMs(c.min), 5)} ${pad(roundMs(c.mean), 4)} ${pad((c.sd / 1000).toFixed(1), 5)} ${pad(roundMs(c.median), 6)} ${pad(roundMs(c.max), 7)}\n`;
    s += sane('the initial connection time', cols.con);
    s += sane('the processing time', cols.d);
    s += sane('the waiting time', cols.wait);
    s += sane('the total time', cols.tot);
  } else {
    s += '              min   avg   max\n';
    for (const [label, c] of rows)
      s += `${label}${pad(roundMs(c.min), 5)} ${pad(roundMs(c.mean), 5)}${pad(roundMs(c.max), 5)}\n`;
  }
  if (h.percentiles && samples.length > 1) {
    const times = samples.map((x) => x.time).sort((a, b) => a - b);
    const n = times.length;
    s += '\nPercentage of the requests served within a certain time (ms)\n';
    for (const p of [50, 66, 75, 80, 90, 95, 98, 99])
      s += `  ${p}%  ${pad(roundMs(times[Math.floor((n * p) / 100)] ?? 0), 5)}\n`;
    s += ` 100%  ${pad(roundMs(times[n - 1] ?? 0), 5)} (longest request)\n`;
  }
  return s;
}
