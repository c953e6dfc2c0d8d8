/** Option handlers for the virtual service: -t/-u/--sctp-service/-f, -s, -p, -M, -6, -o, --pe, -b, -r. */
import { parseService } from './addrPort';
import { atoi, fwmarkValue, stringToNumber } from './cnum';
import { fail } from './errors';
import { inetAton } from './inet';
import type { NetProto } from './netdb';
import type { Handler, ParseState } from './parseState';
import { setOption } from './parseState';

/** ipvsadm's MAX_TIMEOUT: 31 days. */
export const MAX_TIMEOUT = 86400 * 31;
/** IPVS_SVC_PERSISTENT_TIMEOUT: what a bare -p gives. */
export const DEFAULT_PERSISTENT_TIMEOUT = 360;

/** parse_timeout: a missing argument (bare -p) means the default persistence timeout. */
export function parseTimeout(arg: string | undefined, min: number, max: number): number {
  if (arg === undefined) return DEFAULT_PERSISTENT_TIMEOUT;
  const v = stringToNumber(arg, min, max);
  if (v === undefined) fail(`invalid timeout value \`${arg}' specified`);
  return v;
}

const serviceOption =
  (proto: NetProto): Handler =>
  (p, arg) => {
    setOption(p, 'service-address');
    const svc = p.ce.svc;
    svc.protocol = proto;
    const r = parseService(arg ?? '', proto, p.names);
    if (!r) fail('illegal virtual server address[:port] specified');
    svc.af = r.af;
    svc.addr = r.addr;
    if (r.port !== undefined) svc.port = r.port;
    if (r.af === 'inet6') svc.netmask = 128;
  };

function fwmarkOption(p: ParseState, arg: string | undefined): void {
  setOption(p, 'service-address');
  const svc = p.ce.svc;
  // ipvsadm gives a fwmark service af INET and protocol TCP, "even though it is not used".
  svc.af = 'inet';
  svc.protocol = 'tcp';
  const mark = fwmarkValue(arg ?? '');
  if (mark === undefined) fail(`invalid fwmark value \`${arg ?? ''}' specified`);
  svc.fwmark = mark;
}

function netmaskOption(p: ParseState, arg: string | undefined): void {
  setOption(p, 'netmask');
  const svc = p.ce.svc;
  const text = arg ?? '';
  if (svc.af !== 'inet6') {
    const mask = inetAton(text) ?? p.names.hostByName(text);
    if (mask === undefined) fail('illegal virtual server persistent mask specified');
    svc.netmask = mask;
    return;
  }
  svc.netmask = atoi(text);
  if (svc.netmask < 1 || svc.netmask > 128) fail('illegal ipv6 netmask specified');
}

/** -r: parsed against a copy of the service so far; no port means the service port as known now. */
function realServerOption(p: ParseState, arg: string | undefined): void {
  setOption(p, 'real-server');
  const { svc, dest } = p.ce;
  const r = parseService(arg ?? '', svc.protocol, p.names);
  if (!r) fail('illegal real server address[:port] specified');
  dest.af = r.af;
  dest.addr = r.addr;
  dest.port = r.port ?? svc.port;
}

export const addrHandlers: Record<string, Handler> = {
  t: serviceOption('tcp'),
  u: serviceOption('udp'),
  'sctp-service': serviceOption('sctp'),
  f: fwmarkOption,
  s: (p, a) => {
    setOption(p, 'scheduler');
    p.ce.svc.sched = (a ?? '').slice(0, 15);
  },
  p: (p, a) => {
    setOption(p, 'persistent');
    p.ce.svc.persistent = true;
    p.ce.svc.timeout = parseTimeout(a, 1, MAX_TIMEOUT);
  },
  M: netmaskOption,
  r: realServerOption,
  6: (p) => {
    if (!p.ce.svc.fwmark) fail('-6 used before -f\n');
    p.ce.svc.af = 'inet6';
    p.ce.svc.netmask = 128;
  },
  o: (p) => {
    setOption(p, 'ops');
    p.ce.svc.onePacket = true;
  },
  pe: (p, a) => {
    setOption(p, 'pe');
    p.ce.svc.pe = (a ?? '').slice(0, 16);
  },
  b: (p, a) => {
    setOption(p, 'sched-flags');
    p.schedFlagsArg = (a ?? '').slice(0, 127);
  },
};
