/** print_service_entry's second half: one real server in each list format, and its -S rule. */
import { rates } from '../../../ipvs/stats';
import type { FwdMethod } from '../../../ipvs/types';
import type { Format } from './entry';
import { largenum } from './largenum';
import type { DestView } from './svcView';

const FWD_NAME: Record<FwdMethod, string> = {
  masq: 'Masq',
  local: 'Local',
  tunnel: 'Tunnel',
  route: 'Route',
};
const FWD_SWITCH: Record<FwdMethod, string> = { masq: '-m', tunnel: '-i', local: '-g', route: '-g' };
const TUN_FLAG_SHORT = ['-c', '+c', 'r+c'];
const TUN_FLAG_OPTION = ['--tun-nocsum', '--tun-csum', '--tun-remcsum'];

const u = (n: number, w: number): string => String(n).padEnd(w);

/** fwd_tun_info: what --tun-info shows for a tunnel dest (snprintf into 16 bytes). */
function tunInfo(d: DestView): string {
  if (d.fwd !== 'tunnel') return 'n/a';
  const flags = TUN_FLAG_SHORT[d.tunFlags] ?? '';
  if (d.tunType === 'gue') return `gue:${d.tunPort}:${flags}`.slice(0, 15);
  if (d.tunType === 'gre') return `gre:${flags}`.slice(0, 15);
  return 'ipip';
}

/** print_tunnel_rule and the plain `-a` rule of -S. */
export function destRule(svcName: string, dname: string, d: DestView): string {
  const base = `-a ${svcName} -r ${dname} ${FWD_SWITCH[d.fwd]} -w ${d.weight}`;
  if (d.fwd !== 'tunnel') return base;
  const flagOpt = TUN_FLAG_OPTION[d.tunFlags] ?? '';
  if (d.tunType === 'gre') return `${base} --tun-type gre ${flagOpt}`;
  if (d.tunType === 'gue') return `${base} --tun-type gue --tun-port ${d.tunPort} ${flagOpt}`;
  return `${base} --tun-type ipip`;
}

/** One `  -> ...` row; `dname` is already cut to 28 characters. */
export function destLine(d: DestView, dname: string, fmt: Format): string {
  const head = `  -> ${dname.padEnd(28)}`;
  if (fmt.stats) {
    const c = d.stats.counters;
    return (
      head + [c.conns, c.inpkts, c.outpkts, c.inbytes, c.outbytes].map((n) => largenum(n, fmt.exact)).join('')
    );
  }
  if (fmt.rate) {
    const r = rates(d.stats);
    const pps = [r.cps, r.inpps, r.outpps].map((n) => ` ${String(n).padStart(8)}`).join('');
    return head + pps + largenum(r.inbps, fmt.exact) + largenum(r.outbps, fmt.exact);
  }
  if (fmt.thresholds)
    return `${head} ${u(d.uThreshold, 10)} ${u(d.lThreshold, 10)} ${u(d.activeconns, 10)} ${u(d.inactconns, 10)}`;
  if (fmt.persistentConn)
    return `${head} ${u(d.weight, 9)} ${u(d.persistconns, 11)} ${u(d.activeconns, 10)} ${u(d.inactconns, 10)}`;
  const fwd = FWD_NAME[d.fwd].padEnd(7);
  if (fmt.tunInfo)
    return `${head} ${fwd} ${tunInfo(d).padEnd(13)} ${u(d.weight, 6)} ${u(d.activeconns, 10)} ${u(d.inactconns, 10)}`;
  return `${head} ${fwd} ${u(d.weight, 6)} ${u(d.activeconns, 10)} ${u(d.inactconns, 10)}`;
}
