/**
 * ipvsadm -Lc: /proc/net/ip_vs_conn read back in the kernel's hash order, every
 * address rendered again by ipvsadm (names unless -n; templates of fwmark services are `IP`, whose
 * ports never get names).
 */
import type { ConnTable } from '../../../ipvs/connTable';
import { addrPortName } from './addrPort';
import type { Format } from './entry';
import { dottedToU32 } from './inet';
import type { NetProto, Resolver } from './netdb';

const PROTO: Record<string, NetProto | undefined> = { TCP: 'tcp', UDP: 'udp', SCTP: 'sctp' };

/** `%02d:%02d` of whole minutes and seconds; minutes are not capped. */
export function expireText(seconds: number): string {
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

function header(fmt: Format): string {
  const cols = `pro expire ${'state'.padEnd(11)} ${'source'.padEnd(18)} ${'virtual'.padEnd(18)}`;
  // The persistence-engine columns only ever hold data for --pe sip connections.
  if (fmt.persistentConn) return `${cols} ${'destination'.padEnd(18)} ${'pe name'.padEnd(16)} pe_data\n`;
  return `${cols} destination\n`;
}

export function listConnections(conns: ConnTable, fmt: Format, names: Resolver): string {
  let out = `IPVS connection entries\n${header(fmt)}`;
  for (const c of conns.listed()) {
    const proto = PROTO[c.proto];
    const name = (addr: string, port: number): string =>
      addrPortName(dottedToU32(addr), port, proto, fmt.numeric, names);
    const cols = [
      c.proto.padEnd(3),
      expireText(conns.remainingSeconds(c)).padEnd(6),
      c.state.padEnd(11),
      name(c.caddr, c.cport).padEnd(18),
      name(c.vaddr, c.vport).padEnd(18),
      name(c.daddr, c.dport),
    ];
    out += `${cols.join(' ')}\n`;
  }
  return out;
}
