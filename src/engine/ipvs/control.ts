import type { Ipvs } from './ipvs';
import type { DestOptions, IpvsDest, IpvsService, ServiceKey, ServiceOptions } from './service';
import { serviceKeyString } from './service';
import { DestEntry } from './destEntry';
import { newStats, zeroStats } from './stats';
import { getScheduler } from './schedulers/registry';
import { destListChanged } from './schedulers/explain';
import { isMulticast } from '../stack/addrMath';
import type { DestChange, FwdMethod, SchedService } from './types';
import { TCP_TIMEOUTS_S, UDP_TIMEOUT_S } from './tcpStates';

/**
 * The IPVS control plane with ipvsadm's parameters (ip_vs_ctl.c). Errors are the kernel's
 * errno names, which ipvsadm turns into its messages (libipvs' ipvs_strerror). ipvsadm and the lab
 * definitions both call these.
 */
export type IpvsError = 'EEXIST' | 'ENOENT' | 'ESRCH' | 'ERANGE' | 'EINVAL';

interface ControlBase {
  kind: 'ipvs.control';
  host: string;
  /** `proto vip:port` or `FWM n`, as serviceKeyString writes it. */
  service: string;
}

/** A change to the virtual service table (ipvsadm -A/-E/-D/-a/-e/-d, and lab setup). */
export type IpvsControlEvent =
  | (ControlBase & { event: 'add-service' | 'edit-service'; scheduler: string })
  | (ControlBase & { event: 'delete-service' })
  | (ControlBase & { event: 'add-dest'; dest: string; fwd: FwdMethod; weight: number; revived: boolean })
  | (ControlBase & { event: 'edit-dest'; dest: string; fwd: FwdMethod; weight: number })
  | (ControlBase & { event: 'delete-dest'; dest: string });

type ControlParams = IpvsControlEvent extends infer E
  ? E extends unknown
    ? Omit<E, 'kind' | 'host'>
    : never
  : never;

function emit(ipvs: Ipvs, params: ControlParams): void {
  ipvs.host.sim.emit({ kind: 'ipvs.control', host: ipvs.host.name, ...params });
}

export function addService(ipvs: Ipvs, key: ServiceKey, o: ServiceOptions): IpvsError | undefined {
  if (ipvs.findService(key)) return 'EEXIST';
  const sched = getScheduler(o.scheduler);
  if (!sched || (o.pe !== '' && o.pe !== 'sip')) return 'ENOENT';
  const svc: IpvsService = {
    key,
    protocol: key.kind === 'fwmark' ? 'fwmark' : key.protocol,
    scheduler: sched,
    schedState: undefined,
    flags: o.flags,
    persistent: o.persistent,
    netmask: o.netmask,
    pe: o.pe,
    ops: o.ops,
    dests: [],
    stats: newStats(),
  };
  svc.schedState = sched.createState(svc as SchedService);
  ipvs.services.push(svc);
  ipvs.ensureHooks();
  emit(ipvs, { event: 'add-service', service: serviceKeyString(key), scheduler: o.scheduler });
  return undefined;
}

export function editService(ipvs: Ipvs, key: ServiceKey, o: ServiceOptions): IpvsError | undefined {
  const svc = ipvs.findService(key);
  if (!svc) return 'ESRCH';
  const sched = getScheduler(o.scheduler);
  if (!sched || (o.pe !== '' && o.pe !== 'sip')) return 'ENOENT';
  const switched = sched !== svc.scheduler;
  Object.assign(svc, {
    flags: o.flags,
    persistent: o.persistent,
    netmask: o.netmask,
    pe: o.pe,
    ops: o.ops,
    scheduler: sched,
  });
  if (switched) svc.schedState = sched.createState(svc as SchedService);
  emit(ipvs, { event: 'edit-service', service: serviceKeyString(key), scheduler: o.scheduler });
  return undefined;
}

export function deleteService(ipvs: Ipvs, key: ServiceKey): IpvsError | undefined {
  const i = ipvs.services.findIndex((s) => s === ipvs.findService(key));
  if (i < 0) return 'ESRCH';
  const svc = ipvs.services[i]!;
  for (const d of [...svc.dests]) unlinkDest(ipvs, svc, d);
  ipvs.services.splice(i, 1);
  emit(ipvs, { event: 'delete-service', service: serviceKeyString(key) });
  return undefined;
}

export function clearServices(ipvs: Ipvs): void {
  for (const s of [...ipvs.services]) deleteService(ipvs, s.key);
}

/**
 * ipvsadm's rule for add/edit, repeated here so every caller gets it: DR and TUN cannot map
 * ports, so their dest port is the service port. (A NAT dest's port 0 is stored as 0 and
 * means "the packet's port".)
 */
function normalizePort(svc: IpvsService, o: DestOptions): number {
  if (svc.key.kind === 'fwmark' || o.fwd === 'masq') return o.port;
  return svc.key.port;
}

/** inet_addr_type: only a local or unicast address may be a real server. */
function badRip(ipvs: Ipvs, addr: string): boolean {
  if (isMulticast(addr) || addr === '255.255.255.255' || addr === '0.0.0.0') return true;
  return ipvs.host.routes.lookup(addr)?.type === 'broadcast';
}

function notify(svc: IpvsService, change: DestChange): void {
  // The list changed in place: recorded explanations must copy it again (explain.ts).
  if (change.kind !== 'edit') destListChanged(svc.dests);
  svc.scheduler.update(svc.schedState, svc as SchedService, change);
}

export function addDest(ipvs: Ipvs, key: ServiceKey, o: DestOptions): IpvsError | undefined {
  const svc = ipvs.findService(key);
  if (!svc) return 'ESRCH';
  if (o.lThreshold > o.uThreshold) return 'ERANGE';
  const port = normalizePort(svc, o);
  const k = `${o.addr}:${port}`;
  if (svc.dests.some((d) => d.key === k)) return 'EEXIST';
  if (badRip(ipvs, o.addr)) return 'EINVAL';
  const ti = ipvs.trash.findIndex((t) => t.svc === svc && t.dest.key === k);
  // A dest re-added from the trash is the same object: counters and connections resume.
  const d: IpvsDest = ti >= 0 ? ipvs.trash.splice(ti, 1)[0]!.dest : newDest(k, o, port);
  applyDestOptions(d, o);
  d.available = true;
  svc.dests.unshift(d); // list_add: the head of the list
  notify(svc, { kind: 'add', dest: d });
  emit(ipvs, {
    event: 'add-dest',
    service: serviceKeyString(key),
    dest: k,
    fwd: o.fwd,
    weight: o.weight,
    revived: ti >= 0,
  });
  return undefined;
}

function newDest(key: string, o: DestOptions, port: number): IpvsDest {
  return new DestEntry(key, o.addr, port, o.fwd);
}

function applyDestOptions(d: IpvsDest, o: DestOptions): void {
  // The overload flag clears when the upper threshold goes away or grows.
  if (o.uThreshold === 0 || o.uThreshold > d.uThreshold) d.overloaded = false;
  d.fwd = o.fwd;
  d.weight = o.weight;
  if (o.weight > 0) d.lastWeight = o.weight;
  d.uThreshold = o.uThreshold;
  d.lThreshold = o.lThreshold;
  d.tunType = o.tunType;
  d.tunPort = o.tunPort;
  d.tunFlags = o.tunFlags;
}

export function editDest(ipvs: Ipvs, key: ServiceKey, o: DestOptions): IpvsError | undefined {
  const svc = ipvs.findService(key);
  if (!svc) return 'ESRCH';
  if (o.lThreshold > o.uThreshold) return 'ERANGE';
  const d = svc.dests.find((x) => x.key === `${o.addr}:${normalizePort(svc, o)}`);
  if (!d) return 'ENOENT';
  applyDestOptions(d, o);
  notify(svc, { kind: 'edit', dest: d });
  emit(ipvs, {
    event: 'edit-dest',
    service: serviceKeyString(key),
    dest: d.key,
    fwd: o.fwd,
    weight: o.weight,
  });
  return undefined;
}

export function deleteDest(ipvs: Ipvs, key: ServiceKey, addr: string, port: number): IpvsError | undefined {
  const svc = ipvs.findService(key);
  if (!svc) return 'ESRCH';
  const k = svc.key;
  const p = k.kind === 'fwmark' ? port : port === 0 ? k.port : port;
  let d = svc.dests.find((x) => x.key === `${addr}:${p}`);
  // ipvsadm sends the service port for DR/TUN dests typed with another port.
  if (!d && k.kind === 'addr')
    d = svc.dests.find((x) => x.addr === addr && x.port === k.port && x.fwd !== 'masq');
  if (!d) return 'ENOENT';
  unlinkDest(ipvs, svc, d);
  emit(ipvs, { event: 'delete-dest', service: serviceKeyString(key), dest: d.key });
  return undefined;
}

/** __ip_vs_unlink_dest + trash: the dest leaves the list; its connections keep pointing at it. */
function unlinkDest(ipvs: Ipvs, svc: IpvsService, d: IpvsDest): void {
  const index = svc.dests.indexOf(d);
  svc.dests.splice(index, 1);
  d.available = false;
  notify(svc, { kind: 'delete', dest: d, index });
  ipvs.trash.push({ svc, dest: d });
}

export function zeroCounters(ipvs: Ipvs, key?: ServiceKey): IpvsError | undefined {
  if (key) {
    const svc = ipvs.findService(key);
    if (!svc) return 'ESRCH';
    zeroStats(svc.stats);
    for (const d of svc.dests) zeroStats(d.stats);
    return undefined;
  }
  zeroStats(ipvs.stats);
  for (const s of ipvs.services) {
    zeroStats(s.stats);
    for (const d of s.dests) zeroStats(d.stats);
  }
  return undefined;
}

/** --set tcp tcpfin udp: 0 leaves a value unchanged. */
export function setTimeouts(ipvs: Ipvs, tcp: number, tcpfin: number, udp: number): void {
  if (tcp) ipvs.timeouts.ESTABLISHED = tcp;
  if (tcpfin) ipvs.timeouts.FIN_WAIT = tcpfin;
  if (udp) ipvs.timeouts.UDP = udp;
}

export function getTimeouts(ipvs: Ipvs): { tcp: number; tcpfin: number; udp: number } {
  return {
    tcp: ipvs.timeouts.ESTABLISHED ?? TCP_TIMEOUTS_S.ESTABLISHED,
    tcpfin: ipvs.timeouts.FIN_WAIT ?? TCP_TIMEOUTS_S.FIN_WAIT,
    udp: ipvs.timeouts.UDP ?? UDP_TIMEOUT_S,
  };
}
