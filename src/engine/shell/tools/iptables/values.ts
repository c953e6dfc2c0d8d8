/** Parsing the values of iptables options: addresses with masks, protocols, ports, marks, states. */
import { maskToPrefix, parseIpv4, u32ToIpv4 } from '../../../packet/ipv4Address';
import type { AddrMatch, CtState, PortMatch } from '../../../netfilter/iptables/rule';
import { CT_STATES } from '../../../netfilter/iptables/rule';
import { paramProblem } from './errors';

/** /etc/services names iptables resolves (and prints without -n). */
export const SERVICES: Readonly<Record<string, number>> = {
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  domain: 53,
  http: 80,
  pop3: 110,
  ntp: 123,
  imap: 143,
  snmp: 161,
  https: 443,
};

export const PROTOCOLS: Readonly<Record<string, number>> = { all: 0, icmp: 1, tcp: 6, udp: 17, vrrp: 112 };

export function parseAddr(text: string, inv: boolean): AddrMatch {
  const [a, m] = text.split('/', 2) as [string, string | undefined];
  const n = parseIpv4(a);
  if (n === undefined || a === '') paramProblem(`host/network \`${a}' not found`);
  let prefix = 32;
  if (m !== undefined) {
    const p = /^\d{1,2}$/.test(m) ? Number(m) : maskToPrefix(m);
    if (p === undefined || p > 32) paramProblem(`invalid mask \`${m}' specified`);
    prefix = p;
  }
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { addr: u32ToIpv4((n & mask) >>> 0), prefix, inv };
}

export function parseProto(text: string): number {
  const lower = text.toLowerCase();
  if (lower in PROTOCOLS) return PROTOCOLS[lower]!;
  if (/^\d+$/.test(text) && Number(text) <= 255) return Number(text);
  return paramProblem(`unknown protocol \`${text}' specified`);
}

function parsePort(text: string): number {
  if (/^\d+$/.test(text) && Number(text) <= 65535) return Number(text);
  const s = SERVICES[text];
  if (s === undefined) paramProblem(`invalid port/service \`${text}' specified`);
  return s;
}

export function parsePorts(text: string, inv: boolean): PortMatch {
  const [a, b] = text.split(':', 2) as [string, string | undefined];
  const min = a === '' ? 0 : parsePort(a);
  const max = b === undefined ? min : b === '' ? 65535 : parsePort(b);
  return { min, max: Math.max(min, max), inv };
}

export function parseStates(text: string, option: 'state' | 'ctstate'): CtState[] {
  const out: CtState[] = [];
  for (const s of text.split(',')) {
    const u = s as CtState;
    if (!CT_STATES.includes(u)) paramProblem(`Bad ${option} "${s}"`);
    if (!out.includes(u)) out.push(u);
  }
  return CT_STATES.filter((s) => out.includes(s));
}

/** `value[/mask]` of --set-mark / --set-xmark (strtoul base 0: decimal, 0x hex, 0 octal). */
export function parseMark(text: string, option: string): { mark: number; mask?: number } {
  const num = (s: string): number => {
    const v = /^0x[0-9a-f]+$/i.test(s)
      ? parseInt(s, 16)
      : /^0[0-7]*$/.test(s)
        ? parseInt(s, 8)
        : /^[1-9]\d*$/.test(s)
          ? Number(s)
          : NaN;
    if (!(v >= 0 && v <= 0xffffffff)) paramProblem(`Bad MARK value "${text}"`);
    void option;
    return v;
  };
  const [a, b] = text.split('/', 2) as [string, string | undefined];
  return b === undefined ? { mark: num(a) } : { mark: num(a), mask: num(b) };
}

export const REJECT_TYPES: Readonly<Record<string, string>> = {
  'icmp-net-unreachable': 'icmp-net-unreachable',
  'net-unreach': 'icmp-net-unreachable',
  'icmp-host-unreachable': 'icmp-host-unreachable',
  'host-unreach': 'icmp-host-unreachable',
  'icmp-proto-unreachable': 'icmp-proto-unreachable',
  'proto-unreach': 'icmp-proto-unreachable',
  'icmp-port-unreachable': 'icmp-port-unreachable',
  'port-unreach': 'icmp-port-unreachable',
  'icmp-net-prohibited': 'icmp-net-prohibited',
  'net-prohib': 'icmp-net-prohibited',
  'icmp-host-prohibited': 'icmp-host-prohibited',
  'host-prohib': 'icmp-host-prohibited',
  'icmp-admin-prohibited': 'icmp-admin-prohibited',
  'admin-prohib': 'icmp-admin-prohibited',
  'tcp-reset': 'tcp-reset',
  'tcp-rst': 'tcp-reset',
};
