/** The -L/-l command: which listing the options select, and list_service's failures (exit 1). */
import { getTimeouts } from '../../../ipvs/control';
import { ipvsOf } from '../../../ipvs/ipvs';
import { listConnections } from './connList';
import { listDaemons } from './daemon';
import type { CommandEntry, Format } from './entry';
import { fail, ipvsStrerror } from './errors';
import { serviceKey } from './kernelOps';
import { listAll, serviceEntry, title } from './listFormat';
import type { RunCtx } from './runCtx';
import { svcView } from './svcView';

/** The per-host stand-in for the kernel pointer the service hash mixes in. */
export function serviceHashSalt(rc: RunCtx): number {
  return rc.host.sim.rng.child(`ipvs-svc-tab:${rc.host.name}`).u32() >>> 8;
}

export function listEverything(rc: RunCtx, fmt: Format): void {
  const services = ipvsOf(rc.host).services.map(svcView);
  rc.out(listAll(services, fmt, rc.names, serviceHashSalt(rc)));
}

function listService(rc: RunCtx, ce: CommandEntry): void {
  if (ce.svc.af === 'inet6') fail(ipvsStrerror('get_service', 'EAFNOSUPPORT'), 1);
  const svc = ipvsOf(rc.host).findService(serviceKey(ce.svc));
  if (!svc) fail(ipvsStrerror('get_service', 'ESRCH'), 1);
  rc.out(title(ce.format) + serviceEntry(svcView(svc), ce.format, rc.names));
}

export function listCommand(rc: RunCtx, ce: CommandEntry): number {
  const o = ce.options;
  const has = (...names: Parameters<typeof o.has>[0][]): boolean => names.some((n) => o.has(n));
  if (
    (has('connection', 'timeout', 'daemon') && has('stats', 'rate', 'thresholds')) ||
    (has('timeout', 'daemon') && has('persistent-conn'))
  )
    fail('options conflicts in the list command');
  const ipvs = ipvsOf(rc.host);
  if (o.has('connection')) rc.out(listConnections(ipvs.conns, ce.format, rc.names));
  else if (o.has('service-address')) listService(rc, ce);
  else if (o.has('timeout')) {
    const t = getTimeouts(ipvs);
    rc.out(`Timeout (tcp tcpfin udp): ${t.tcp} ${t.tcpfin} ${t.udp}\n`);
  } else if (o.has('daemon')) rc.out(listDaemons(rc.host));
  else listEverything(rc, ce.format);
  return 0;
}
