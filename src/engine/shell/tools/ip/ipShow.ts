/** `ip link show` / `ip addr show` output, iproute2 4.11 (CentOS 7.6) layout. */
import type { Host } from '../../../stack/host';
import type { IfAddr, Netdev } from '../../../stack/netdev';
import { shownBroadcast } from '../common/addrBroadcast';
import { operState, qdisc, txQueueLen } from '../common/devInfo';
import { left } from '../common/text';
import { tunnelParams } from './ipTunnel';
import type { IpOpts } from './ipCommon';

/** print_link_flags: `<LOOPBACK,BROADCAST,...,UP,LOWER_UP>`. */
export function linkFlags(d: Netdev): string {
  const f: string[] = [];
  if (d.kind === 'loopback') f.push('LOOPBACK');
  if (d.kind === 'ether') f.push('BROADCAST', 'MULTICAST');
  if (d.kind === 'ipip') f.push('NOARP');
  if (d.up) f.push('UP', 'LOWER_UP');
  return `<${f.join(',')}>`;
}

/** `tunl0@NONE` for tunnels (IFLA_LINK 0), the bare name otherwise. */
export function linkName(d: Netdev): string {
  return d.kind === 'ipip' ? `${d.name}@NONE` : d.name;
}

function linkAddrLine(host: Host, d: Netdev): string {
  if (d.kind === 'loopback') return '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';
  if (d.kind === 'ipip') {
    const t = tunnelParams(host, d.name);
    return t.remote === '0.0.0.0'
      ? `    link/ipip ${t.local} brd 0.0.0.0`
      : `    link/ipip ${t.local} peer ${t.remote}`;
  }
  return `    link/ether ${d.mac} brd ff:ff:ff:ff:ff:ff`;
}

/** The header line; `mode DEFAULT` appears in `ip link` only. */
export function linkHeader(d: Netdev, withMode: boolean): string {
  const mode = withMode ? 'mode DEFAULT ' : '';
  return `${d.index}: ${linkName(d)}: ${linkFlags(d)} mtu ${d.mtu} qdisc ${qdisc(d)} state ${operState(d)} ${mode}group default qlen ${txQueueLen(d)}`;
}

export function linkBlock(host: Host, d: Netdev, opts: IpOpts): string[] {
  if (opts.brief) {
    const hw = d.kind === 'ipip' ? '0.0.0.0' : d.mac;
    return [`${left(linkName(d), 16)} ${left(operState(d), 14)} ${hw} ${linkFlags(d)} `];
  }
  const head = linkHeader(d, true);
  const addr = linkAddrLine(host, d);
  return opts.oneline ? [`${head}\\${addr}`] : [head, addr];
}

/** One address as print_addrinfo shows it (two lines, or one with -o). */
export function addrLines(a: IfAddr, d: Netdev, opts: IpOpts): string[] {
  const brd = shownBroadcast(a, d.kind === 'loopback');
  let s = `    inet ${a.ip}/${a.prefix} `;
  if (brd !== undefined) s += `brd ${brd} `;
  s += `scope ${a.scope} `;
  if (a.secondary) s += 'secondary ';
  s += a.label;
  const lft = '       valid_lft forever preferred_lft forever';
  if (opts.oneline) return [`${d.index}: ${d.name}${s}\\${lft}`];
  return [s, lft];
}

export interface AddrFilter {
  dev?: string;
  label?: string;
  up?: boolean;
  scope?: string;
}

function globMatch(pattern: string, s: string): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.') +
      '$',
  );
  return re.test(s);
}

/** `ip addr show`: every device (or the filtered ones) with its addresses. */
export function addrShow(host: Host, devs: Netdev[], opts: IpOpts, f: AddrFilter): string[] {
  const out: string[] = [];
  for (const d of devs) {
    if (f.up && !d.up) continue;
    const addrs = host
      .addrsOf(d.name)
      .filter(
        (a) =>
          (f.label === undefined || globMatch(f.label, a.label)) &&
          (f.scope === undefined || a.scope === f.scope),
      );
    const inetOnly = opts.family === 4 || f.label !== undefined || f.scope !== undefined;
    if (opts.family === 6 || (inetOnly && addrs.length === 0)) continue;
    if (opts.brief) {
      const list = opts.family === -1 ? '' : addrs.map((a) => `${a.ip}/${a.prefix} `).join('');
      out.push(`${left(linkName(d), 16)} ${left(operState(d), 14)} ${list}`);
      continue;
    }
    if (opts.oneline) {
      if (opts.family === -1) out.push(...linkBlock(host, d, opts));
      for (const a of opts.family === -1 ? [] : addrs) out.push(...addrLines(a, d, opts));
      continue;
    }
    out.push(linkHeader(d, false));
    if (opts.family !== 4) out.push(linkAddrLine(host, d));
    if (opts.family !== -1) for (const a of addrs) out.push(...addrLines(a, d, opts));
  }
  return out;
}
