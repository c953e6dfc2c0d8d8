/**
 * Where keepalived's lines go on CentOS 7: the journal (shown by `journalctl -u keepalived`
 * and `systemctl status`) and, through rsyslog's `*.info` rule, /var/log/messages. Lines
 * logged at LOG_DEBUG ("Initializing ipvs") reach the journal only.
 */
import type { Host } from '../stack/host';
import { syslogTimestamp } from '../shell/tools/common/clock';

export const MESSAGES = '/var/log/messages';

export interface JournalEntry {
  t: number;
  ident: string;
  pid: number;
  text: string;
  /** The systemd unit whose cgroup the process runs in. */
  unit?: string;
}

/** One line of keepalived's log, in the trace so views can list it. */
export interface KeepalivedLogEvent {
  kind: 'keepalived.log';
  host: string;
  ident: string;
  pid: number;
  text: string;
}

/** The host's journal (host.journal). */
export function journalOf(host: Host): JournalEntry[] {
  return host.journal;
}

export function formatEntry(host: Host, e: JournalEntry): string {
  return `${syslogTimestamp(e.t)} ${host.name} ${e.ident}[${e.pid}]: ${e.text}`;
}

/** The last second stamped, and its stamp: a daemon logs many lines in the same second. */
let stampedSec = -1;
let stamp = '';

/** rsyslog's traditional file format pads the day with a space: `Aug  5 08:00:00`. */
export function rsyslogLine(host: Host, e: JournalEntry): string {
  const sec = Math.floor(e.t / 1_000_000);
  if (sec !== stampedSec) {
    stamp = syslogTimestamp(e.t).replace(/^(\w{3}) 0(\d)/, '$1  $2');
    stampedSec = sec;
  }
  return `${stamp} ${host.name} ${e.ident}[${e.pid}]: ${e.text}`;
}

export function syslog(
  host: Host,
  ident: string,
  pid: number,
  text: string,
  opts: { unit?: string; debug?: boolean } = {},
): void {
  const e: JournalEntry = { t: host.sim.now, ident, pid, text };
  if (opts.unit !== undefined) e.unit = opts.unit;
  journalOf(host).push(e);
  if (!opts.debug) host.files.set(MESSAGES, `${host.files.get(MESSAGES) ?? ''}${rsyslogLine(host, e)}\n`);
  if (ident !== 'systemd') host.sim.emit({ kind: 'keepalived.log', host: host.name, ident, pid, text });
}
