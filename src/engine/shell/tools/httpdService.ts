/**
 * The httpd.service unit of a host (systemd 219 + httpd 2.4.6 on CentOS 7.6): whether it runs,
 * on which ports (Listen lines of /etc/httpd/conf/httpd.conf, else the lab's port, else 80),
 * its process ids and its journal. A lab host whose httpd is listening at start counts as
 * started (and enabled) at boot.
 */
import { startHttpd, stopHttpd } from '../../apps/httpd';
import type { Host } from '../../stack/host';

/** systemctl started or stopped httpd (`ports` it listens on when started). */
export interface HttpdAppEvent {
  kind: 'app';
  host: string;
  app: 'httpd';
  event: 'start' | 'stop';
  ports?: number[];
}

export interface JournalLine {
  t: number;
  text: string;
}

export interface HttpdUnit {
  active: boolean;
  enabled: boolean;
  ports: number[];
  mainPid: number;
  since: number;
  /** Set once a start or stop happened (the `Process:` lines of an inactive unit). */
  lastRun?: { startPid: number; stopPid: number };
  journal: JournalLine[];
  nextPid: number;
}

/** httpd is installed when the lab put it there or yum installed it (the host.modules marker). */
export function httpdInstalled(host: Host): boolean {
  return host.modules.has('httpd');
}

export function httpdUnit(host: Host): HttpdUnit {
  let u = host.httpdUnit;
  if (!u) {
    const ports = [...host.sockets.listeners.values()].filter((l) => l.owner === 'httpd').map((l) => l.port);
    const active = ports.length > 0;
    u = {
      active,
      enabled: active,
      ports: active ? ports : [80],
      mainPid: 1031,
      since: 0,
      journal: [],
      nextPid: 1400 + host.index * 100,
    };
    if (active)
      u.journal.push(
        { t: 0, text: 'Starting The Apache HTTP Server...' },
        { t: 0, text: 'Started The Apache HTTP Server.' },
      );
    host.httpdUnit = u;
  }
  return u;
}

/** Main process and the five prefork children (StartServers 5). */
export function httpdPids(host: Host): number[] {
  const u = httpdUnit(host);
  if (!u.active) return [];
  return [0, 1, 2, 3, 4, 5].map((i) => u.mainPid + i);
}

function configuredPorts(host: Host, fallback: number[]): number[] {
  const conf = host.files.get('/etc/httpd/conf/httpd.conf');
  if (conf === undefined) return fallback;
  const ports = [...conf.matchAll(/^\s*Listen\s+(?:[\d.]+:)?(\d+)\s*$/gm)].map((m) => Number(m[1]));
  return ports.length > 0 ? ports : fallback;
}

/** ExecStart; 'in-use' when a port is taken (httpd exits, the unit fails). */
export function startUnit(host: Host): 'in-use' | undefined {
  const u = httpdUnit(host);
  if (u.active) return undefined;
  const now = host.sim.now;
  u.journal.push({ t: now, text: 'Starting The Apache HTTP Server...' });
  const ports = configuredPorts(host, u.ports);
  const bound: number[] = [];
  for (const p of ports) {
    if (startHttpd(host, p) === 'in-use') {
      for (const b of bound) stopHttpd(host, b);
      u.journal.push({ t: now, text: 'httpd.service: main process exited, code=exited, status=1/FAILURE' });
      u.journal.push({ t: now, text: 'Failed to start The Apache HTTP Server.' });
      return 'in-use';
    }
    bound.push(p);
  }
  u.ports = ports;
  u.mainPid = u.nextPid;
  u.nextPid += 10;
  u.active = true;
  u.since = now;
  u.journal.push({ t: now, text: 'Started The Apache HTTP Server.' });
  host.sim.emit({ kind: 'app', host: host.name, app: 'httpd', event: 'start', ports });
  return undefined;
}

export function stopUnit(host: Host): void {
  const u = httpdUnit(host);
  if (!u.active) return;
  const now = host.sim.now;
  u.journal.push({ t: now, text: 'Stopping The Apache HTTP Server...' });
  for (const p of u.ports) stopHttpd(host, p);
  u.lastRun = { startPid: u.mainPid, stopPid: u.nextPid };
  u.nextPid += 1;
  u.active = false;
  u.since = now;
  u.journal.push({ t: now, text: 'Stopped The Apache HTTP Server.' });
  host.sim.emit({ kind: 'app', host: host.name, app: 'httpd', event: 'stop' });
}
