/**
 * The connection sync daemons (--start-daemon/--stop-daemon, -L --daemon). Only their settings
 * are simulated, kept per host the way the kernel fills them in (ip_vs_sync.c start_sync_thread:
 * group 224.0.0.81, port 8848, ttl 1, maxlen from the MTU).
 */
import type { Host } from '../../../stack/host';
import type { DaemonSpec } from './entry';
import type { Errno } from './errors';

export interface DaemonCfg {
  ifn: string;
  syncid: number;
  maxlen: number;
  group: string;
  port: number;
  ttl: number;
}

export interface SyncDaemons {
  master?: DaemonCfg;
  backup?: DaemonCfg;
}

function stateOf(host: Host): SyncDaemons {
  return host.syncDaemons;
}

/** IPv4 + UDP headers: what the sync message must leave room for. */
const HLEN = 28;

export function startDaemon(host: Host, spec: DaemonSpec): Errno | undefined {
  // The lab kernel has no IPv6 IPVS, so an IPv6 group is refused when the message is parsed.
  if (spec.group?.af === 'inet6') return 'EAFNOSUPPORT';
  const dev = host.devices.get(spec.ifn);
  if (!dev) return 'ENODEV';
  const backup = spec.state === 'backup';
  const mtu = backup ? Math.min(Math.max(dev.mtu, 1500), 65535) : 1500;
  const maxlen = spec.maxlen ? Math.min(Math.max(spec.maxlen, backup ? 1024 : 1), 65535 - HLEN) : mtu - HLEN;
  const d = stateOf(host);
  if (d[spec.state]) return 'EEXIST';
  d[spec.state] = {
    ifn: spec.ifn,
    syncid: spec.syncid,
    maxlen,
    group: spec.group?.text ?? '224.0.0.81',
    port: spec.port || 8848,
    ttl: spec.ttl || 1,
  };
  return undefined;
}

export function stopDaemon(host: Host, state: DaemonSpec['state']): Errno | undefined {
  const d = stateOf(host);
  if (!d[state]) return 'ESRCH';
  delete d[state];
  return undefined;
}

/** list_daemon: master first, then backup. */
export function listDaemons(host: Host): string {
  const d = stateOf(host);
  let out = '';
  for (const state of ['master', 'backup'] as const) {
    const c = d[state];
    if (!c) continue;
    out += `${state} sync daemon (mcast=${c.ifn}, syncid=${c.syncid}, maxlen=${c.maxlen}, `;
    out += `group=${c.group}, port=${c.port}, ttl=${c.ttl})\n`;
  }
  return out;
}
