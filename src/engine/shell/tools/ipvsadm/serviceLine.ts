/** print_service_entry's first half: the service's name and its line in each list format. */
import { addrPortName } from './addrPort';
import type { Format } from './entry';
import { dottedToU32 } from './inet';
import { largenum } from './largenum';
import type { Resolver } from './netdb';
import { rates } from '../../../ipvs/stats';
import { anySchedFlag, schedFlagsText } from './schedFlags';
import type { SvcView } from './svcView';

const FULL_MASK = '255.255.255.255';
const SAVE_OPTION = { tcp: '-t', udp: '-u', sctp: '--sctp-service' } as const;
const LIST_NAME = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' } as const;

/** `-t addr:port` / `-f mark` for -S, `TCP  addr:port` (cut to 33) / `FWM  mark` for -L. */
export function serviceName(s: SvcView, fmt: Format, names: Resolver): string {
  if (s.fwmark) return fmt.rule ? `-f ${s.fwmark}` : `FWM  ${s.fwmark}`;
  const proto = s.proto ?? 'tcp';
  const vname = addrPortName(dottedToU32(s.addr), s.port, s.proto, fmt.numeric, names);
  if (fmt.rule) return `${SAVE_OPTION[proto]} ${vname}`;
  return `${LIST_NAME[proto].padEnd(4)} ${vname}`.slice(0, 33);
}

function saveLine(s: SvcView, name: string): string {
  let line = `-A ${name} -s ${s.sched}`;
  if (s.persistent) {
    line += ` -p ${s.timeout}`;
    if (s.netmask !== FULL_MASK) line += ` -M ${s.netmask}`;
  }
  if (s.pe) line += ` --pe ${s.pe}`;
  if (s.ops) line += ' -o';
  if (anySchedFlag(s.flags)) line += ` -b ${schedFlagsText(s.sched, s.flags)}`;
  return line;
}

function defaultLine(s: SvcView, name: string): string {
  let line = `${name} ${s.sched}`;
  if (anySchedFlag(s.flags)) line += ` (${schedFlagsText(s.sched, s.flags)})`;
  if (s.persistent) {
    line += ` persistent ${s.timeout}`;
    if (s.netmask !== FULL_MASK) line += ` mask ${s.netmask}`;
    if (s.pe) line += ` pe ${s.pe}`;
  }
  if (s.ops) line += ' ops';
  return line;
}

export function serviceLine(s: SvcView, name: string, fmt: Format): string {
  if (fmt.rule) return saveLine(s, name);
  if (fmt.stats) {
    const c = s.stats.counters;
    const nums = [c.conns, c.inpkts, c.outpkts, c.inbytes, c.outbytes];
    return name.padEnd(33) + nums.map((n) => largenum(n, fmt.exact)).join('');
  }
  if (fmt.rate) {
    const r = rates(s.stats);
    const nums = [r.cps, r.inpps, r.outpps, r.inbps, r.outbps];
    return name.padEnd(33) + nums.map((n) => largenum(n, fmt.exact)).join('');
  }
  return defaultLine(s, name);
}
