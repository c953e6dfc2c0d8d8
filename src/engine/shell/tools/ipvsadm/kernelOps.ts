/**
 * ipvsadm's requests as the kernel answers them, on top of the IPVS control plane: the netlink
 * checks control.ts leaves to the caller (no IPv6 IPVS in the lab kernel, ERANGE for -y > -x
 * even with -x 0, exact <addr, port> match for -d, a -Z of the all-zero service meaning "all").
 */
import * as control from '../../../ipvs/control';
import type { Ipvs } from '../../../ipvs/ipvs';
import type { DestOptions, ServiceKey, ServiceOptions } from '../../../ipvs/service';
import type { CommandEntry, DestSpec, SvcSpec } from './entry';
import type { Errno } from './errors';
import { u32ToDotted } from './inet';

export function serviceKey(svc: SvcSpec): ServiceKey {
  if (svc.fwmark) return { kind: 'fwmark', fwmark: svc.fwmark };
  return { kind: 'addr', protocol: svc.protocol ?? 'tcp', addr: u32ToDotted(svc.addr), port: svc.port };
}

function serviceOptions(svc: SvcSpec): ServiceOptions {
  return {
    scheduler: svc.sched,
    persistent: svc.persistent ? svc.timeout : 0,
    netmask: u32ToDotted(svc.netmask),
    pe: svc.pe,
    ops: svc.onePacket,
    flags: { ...svc.schedFlags },
  };
}

function destOptions(d: DestSpec): DestOptions {
  const tunFlags = d.tunFlags & 2 ? 'remcsum' : d.tunFlags & 1 ? 'csum' : 'nocsum';
  return {
    addr: u32ToDotted(d.addr),
    port: d.port,
    fwd: d.fwd,
    weight: d.weight,
    uThreshold: d.uThreshold,
    lThreshold: d.lThreshold,
    tunType: d.tunType,
    tunPort: d.tunPort,
    tunFlags,
  };
}

export function addService(ipvs: Ipvs, ce: CommandEntry): Errno | undefined {
  if (ce.svc.af === 'inet6') return 'EAFNOSUPPORT';
  return control.addService(ipvs, serviceKey(ce.svc), serviceOptions(ce.svc));
}

export function editService(ipvs: Ipvs, ce: CommandEntry): Errno | undefined {
  if (ce.svc.af === 'inet6') return 'EAFNOSUPPORT';
  return control.editService(ipvs, serviceKey(ce.svc), serviceOptions(ce.svc));
}

export function deleteService(ipvs: Ipvs, ce: CommandEntry): Errno | undefined {
  if (ce.svc.af === 'inet6') return 'EAFNOSUPPORT';
  return control.deleteService(ipvs, serviceKey(ce.svc));
}

export function zero(ipvs: Ipvs, ce: CommandEntry): Errno | undefined {
  const s = ce.svc;
  // libipvs sends no service at all when fwmark, address and port are all zero: zero everything.
  if (!ce.options.has('service-address') || (!s.fwmark && !s.addr && !s.port))
    return control.zeroCounters(ipvs);
  if (s.af === 'inet6') return 'EAFNOSUPPORT';
  return control.zeroCounters(ipvs, serviceKey(s));
}

/** The checks ip_vs_genl_set_cmd and ip_vs_add/edit/del_dest make before the lookup. */
function destPrecheck(ipvs: Ipvs, ce: CommandEntry, thresholds: boolean): Errno | undefined {
  if (ce.svc.af === 'inet6') return 'EAFNOSUPPORT';
  if (!ipvs.findService(serviceKey(ce.svc))) return 'ESRCH';
  if (ce.dest.af === 'inet6') return 'EAFNOSUPPORT';
  if (thresholds && ce.dest.lThreshold > ce.dest.uThreshold) return 'ERANGE';
  return undefined;
}

/** inet_addr_type's answers that need no routing table: 0.0.0.0/8 and 255.255.255.255, multicast. */
function notUnicast(addr: number): boolean {
  return addr >>> 24 === 0 || addr === 0xffffffff || addr >>> 28 === 0xe;
}

export function addDest(ipvs: Ipvs, ce: CommandEntry): Errno | undefined {
  const pre = destPrecheck(ipvs, ce, true);
  if (pre) return pre;
  // ip_vs_new_dest accepts only unicast or local addresses (control.ts checks the routes).
  if (notUnicast(ce.dest.addr)) return 'EINVAL';
  return control.addDest(ipvs, serviceKey(ce.svc), destOptions(ce.dest));
}

export function editDest(ipvs: Ipvs, ce: CommandEntry): Errno | undefined {
  return destPrecheck(ipvs, ce, true) ?? control.editDest(ipvs, serviceKey(ce.svc), destOptions(ce.dest));
}

export function deleteDest(ipvs: Ipvs, ce: CommandEntry): Errno | undefined {
  const pre = destPrecheck(ipvs, ce, false);
  if (pre) return pre;
  const key = serviceKey(ce.svc);
  const addr = u32ToDotted(ce.dest.addr);
  // The kernel looks the dest up by exactly the <addr, port> ipvsadm sends.
  const svc = ipvs.findService(key)!;
  if (!svc.dests.some((d) => d.addr === addr && d.port === ce.dest.port)) return 'ENOENT';
  return control.deleteDest(ipvs, key, addr, ce.dest.port);
}
