/**
 * host[:port] both ways: ipvsadm's parse_service (for -t/-u/--sctp-service/-r) and
 * addrport_to_anyname (what -L, -S and -c print, with or without -n).
 */
import type { AddrFamily } from './entry';
import { stringToNumber } from './cnum';
import { inetAton, inetPton6, u32ToDotted } from './inet';
import type { NetProto, Resolver } from './netdb';

export interface ParsedAddr {
  af: AddrFamily;
  addr: number;
  /** undefined when no port was given. */
  port: number | undefined;
}

const allDigits = (s: string): boolean => /^\d*$/.test(s);

/**
 * parse_service: undefined where ipvsadm gets SERVICE_NONE. An all-digit (or empty) word is no
 * address; `[v6]:port` needs the brackets and the colon; for IPv4 the last ':' splits off the port
 * (a bracketed IPv4 address loses its port, as in ipvsadm); the port is a number 0..65535 or a
 * service name for `proto`.
 */
export function parseService(
  buf: string,
  proto: NetProto | undefined,
  names: Resolver,
): ParsedAddr | undefined {
  if (allDigits(buf)) return undefined;
  let host = buf;
  let portText: string | undefined;
  if (buf.startsWith('[')) {
    const inner = buf.slice(1);
    const close = inner.indexOf(']');
    if (close < 0 || inner[close + 1] !== ':') return undefined;
    host = inner.slice(0, close);
    portText = inner.slice(close + 2);
  }
  let af: AddrFamily = 'inet6';
  let addr = 0;
  if (!inetPton6(host)) {
    af = 'inet';
    const colon = host.lastIndexOf(':');
    portText = colon < 0 ? undefined : host.slice(colon + 1);
    if (colon >= 0) host = host.slice(0, colon);
    const v4 = inetAton(host) ?? names.hostByName(host);
    if (v4 === undefined) return undefined;
    addr = v4;
  }
  if (portText === undefined) return { af, addr, port: undefined };
  const port =
    stringToNumber(portText, 0, 65535) ??
    (proto === undefined ? undefined : names.serviceByName(portText, proto));
  return port === undefined ? undefined : { af, addr, port };
}

/** addrport_to_anyname, cut to 59 characters like its 60-byte buffer. */
export function addrPortName(
  addr: number,
  port: number,
  proto: NetProto | undefined,
  numeric: boolean,
  names: Resolver,
): string {
  const dotted = u32ToDotted(addr);
  if (numeric) return `${dotted}:${port}`.slice(0, 59);
  const host = names.hostByAddr(addr) ?? dotted;
  const service = proto === undefined ? undefined : names.serviceByPort(port, proto);
  return `${host}:${service ?? port}`.slice(0, 59);
}
