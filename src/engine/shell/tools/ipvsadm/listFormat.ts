/**
 * ipvsadm -L/-l/-S output (ipvsadm.c 1.31): the version line, the title of the chosen format
 * and every service with its real servers, sorted unless --nosort.
 */
import { CONN_TAB_SIZE } from '../../../ipvs/connTable';
import { addrPortName } from './addrPort';
import { destLine, destRule } from './destLine';
import type { Format } from './entry';
import { dottedToU32 } from './inet';
import type { Resolver } from './netdb';
import { serviceLine, serviceName } from './serviceLine';
import { cmpDests, cmpServices, glibcQsort, kernelServiceOrder } from './sort';
import type { SvcView } from './svcView';

export const versionHeader = (): string => `IP Virtual Server version 1.2.1 (size=${CONN_TAB_SIZE})\n`;

const STAT_TITLE = (cols: string[]): string =>
  `${'Prot LocalAddress:Port'.padEnd(33)} ${cols.map((c) => c.padStart(8)).join(' ')}\n  -> RemoteAddress:Port\n`;
const COL_TITLE = (cols: [string, number][]): string =>
  `${'Prot LocalAddress:Port'.padEnd(33)} ${cols.map(([c, w]) => c.padEnd(w)).join(' ')}\n  -> RemoteAddress:Port\n`;

/** print_title. */
export function title(fmt: Format): string {
  if (fmt.stats) return STAT_TITLE(['Conns', 'InPkts', 'OutPkts', 'InBytes', 'OutBytes']);
  if (fmt.rate) return STAT_TITLE(['CPS', 'InPPS', 'OutPPS', 'InBPS', 'OutBPS']);
  if (fmt.thresholds)
    return COL_TITLE([
      ['Uthreshold', 10],
      ['Lthreshold', 10],
      ['ActiveConn', 10],
      ['InActConn', 10],
    ]);
  if (fmt.persistentConn)
    return COL_TITLE([
      ['Weight', 9],
      ['PersistConn', 11],
      ['ActiveConn', 10],
      ['InActConn', 10],
    ]);
  if (fmt.tunInfo)
    return (
      'Prot LocalAddress:Port Scheduler Flags\n' +
      '  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n'
    );
  if (fmt.rule) return '';
  return (
    'Prot LocalAddress:Port Scheduler Flags\n' +
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n'
  );
}

/** print_service_entry: the service line, then its dests. */
export function serviceEntry(s: SvcView, fmt: Format, names: Resolver): string {
  const name = serviceName(s, fmt, names);
  let out = `${serviceLine(s, name, fmt)}\n`;
  const dests = fmt.nosort ? s.dests : glibcQsort(s.dests, cmpDests);
  for (const d of dests) {
    const full = addrPortName(dottedToU32(d.addr), d.port, s.proto, fmt.numeric, names);
    out += fmt.rule ? `${destRule(name, full, d)}\n` : `${destLine(d, full.slice(0, 28), fmt)}\n`;
  }
  return out;
}

/** list_all: `salt` places services in the kernel's hash table for --nosort. */
export function listAll(services: readonly SvcView[], fmt: Format, names: Resolver, salt: number): string {
  const head = fmt.rule ? '' : versionHeader();
  const ordered = fmt.nosort ? kernelServiceOrder(services, salt) : glibcQsort(services, cmpServices);
  return head + title(fmt) + ordered.map((s) => serviceEntry(s, fmt, names)).join('');
}
