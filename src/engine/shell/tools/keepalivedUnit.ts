/**
 * keepalived.service for systemctl (the unit of keepalived.md §4: Type=forking,
 * KillMode=process, ExecReload=/bin/kill -HUP $MAINPID) and its `systemctl status` page.
 */
import { keepalivedOf, UNIT } from '../../keepalived/daemon';
import { formatEntry, journalOf } from '../../keepalived/syslog';
import type { Host } from '../../stack/host';
import { relativeAgo, systemdTimestamp } from './common/clock';

export function keepalivedInstalled(host: Host): boolean {
  return host.modules.has('keepalived');
}

/** The unit's journal lines (what `journalctl -u keepalived` and the status page show). */
export function keepalivedJournal(host: Host): string[] {
  return journalOf(host)
    .filter((e) => e.unit === UNIT)
    .map((e) => formatEntry(host, e));
}

export function keepalivedStatus(host: Host): { text: string; rc: number } {
  const k = keepalivedOf(host);
  const now = host.sim.now;
  const lines = [
    '● keepalived.service - LVS and VRRP High Availability Monitor',
    '   Loaded: loaded (/usr/lib/systemd/system/keepalived.service; disabled; vendor preset: disabled)',
  ];
  const opts = k.options();
  if (k.running && k.pids) {
    lines.push(
      `   Active: active (running) since ${systemdTimestamp(k.since)}; ${relativeAgo(now - k.since)}`,
    );
    lines.push(
      `  Process: ${k.pids.start} ExecStart=/usr/sbin/keepalived $KEEPALIVED_OPTIONS (code=exited, status=0/SUCCESS)`,
    );
    lines.push(` Main PID: ${k.pids.parent} (keepalived)`, '   CGroup: /system.slice/keepalived.service');
    const cmd = `/usr/sbin/keepalived${opts ? ` ${opts}` : ''}`;
    const pids = [k.pids.parent, k.pids.check, ...(k.vrrpAlive ? [k.pids.vrrp] : [])];
    pids.forEach((p, i) => lines.push(`           ${i === pids.length - 1 ? '└─' : '├─'}${p} ${cmd}`));
  } else if (k.stoppedAt !== undefined && k.pids) {
    lines.push(
      `   Active: inactive (dead) since ${systemdTimestamp(k.stoppedAt)}; ${relativeAgo(now - k.stoppedAt)}`,
    );
    lines.push(
      `  Process: ${k.pids.start} ExecStart=/usr/sbin/keepalived $KEEPALIVED_OPTIONS (code=exited, status=0/SUCCESS)`,
    );
    lines.push(` Main PID: ${k.pids.parent} (code=exited, status=0/SUCCESS)`);
  } else lines.push('   Active: inactive (dead)');
  const journal = keepalivedJournal(host).slice(-10);
  if (journal.length > 0) lines.push('', ...journal);
  return { text: lines.join('\n') + '\n', rc: k.running ? 0 : 3 };
}
