/**
 * ipvsadm's table of legal command/option combinations (commands_v_options) and the tunnel
 * type/option table, with its checking rule: options are visited in the order of OPT_NAMES and
 * the first offending one is reported.
 */
import { fail } from './errors';

export const OPT_NAMES = [
  'numeric',
  'connection',
  'service-address',
  'scheduler',
  'persistent',
  'netmask',
  'real-server',
  'forwarding-method',
  'weight',
  'u-threshold',
  'l-threshold',
  'mcast-interface',
  'timeout',
  'daemon',
  'stats',
  'rate',
  'thresholds',
  'persistent-conn',
  'nosort',
  'syncid',
  'exact',
  'ops',
  'pe',
  'sched-flags',
  'mcast-group',
  'mcast-port',
  'mcast-ttl',
  'sync-maxlen',
  'tun-info',
  'tun-type',
  'tun-port',
  'tun-nocsum',
  'tun-csum',
  'tun-remcsum',
] as const;
export type OptName = (typeof OPT_NAMES)[number];

export const CMD_NAMES = [
  'add-service',
  'edit-service',
  'delete-service',
  'flush',
  'list',
  'add-server',
  'delete-server',
  'edit-server',
  'set',
  'start-daemon',
  'stop-daemon',
  'restore',
  'save',
  'zero',
] as const;
export type CmdName = (typeof CMD_NAMES)[number];

const x = (n: number): string => 'x'.repeat(n);
const sp = (n: number): string => ' '.repeat(n);
const SERVICE_ROW = `xx+${sp(3)}${x(15)}${sp(3)}${x(10)}`;
const SERVER_ROW = `xx+xxx+${sp(4)}${x(18)}${sp(5)}`;

/** One row per command, one column per OPT_NAMES entry: '+' required, 'x' illegal, '1' exclusive. */
const TABLE: Record<CmdName, string> = {
  'add-service': SERVICE_ROW,
  'edit-service': SERVICE_ROW,
  'delete-service': `xx+${x(31)}`,
  flush: x(34),
  list: ` 11${x(9)}11${sp(7)}${x(7)} ${x(5)}`,
  'add-server': SERVER_ROW,
  'delete-server': `xx+xxx+${x(27)}`,
  'edit-server': SERVER_ROW,
  set: x(34),
  'start-daemon': `${x(11)} ${x(7)} ${x(4)}${sp(4)}${x(6)}`,
  'stop-daemon': `${x(19)} ${x(14)}`,
  restore: x(34),
  save: ` ${x(33)}`,
  zero: `xx ${x(31)}`,
};

/** generic_opt_check. */
export function genericOptCheck(cmd: CmdName, options: ReadonlySet<OptName>): void {
  const row = TABLE[cmd];
  let last: OptName | undefined;
  OPT_NAMES.forEach((name, j) => {
    const rule = row[j];
    if (!options.has(name)) {
      if (rule === '+') fail(`You need to supply the '${name}' option for the '${cmd}' command`);
      return;
    }
    if (rule === 'x') fail(`Illegal '${name}' option with the '${cmd}' command`);
    if (rule !== '1') return;
    if (last === undefined) last = name;
    else fail(`The option '${name}' conflicts with the '${last}' option in the '${cmd}' command`);
  });
}

export const TUN_TYPES = ['ipip', 'gue', 'gre'] as const;
export type TunType = (typeof TUN_TYPES)[number];

const TUN_OPTS: readonly OptName[] = ['tun-port', 'tun-nocsum', 'tun-csum', 'tun-remcsum'];
const TUN_TABLE: Record<TunType, string> = { ipip: 'xxxx', gue: '+111', gre: 'x11x' };

/** tunnel_opt_check: which tunnel options each --tun-type takes. */
export function tunnelOptCheck(type: TunType, options: ReadonlySet<OptName>): void {
  const row = TUN_TABLE[type];
  let last: OptName | undefined;
  TUN_OPTS.forEach((name, j) => {
    const rule = row[j];
    if (!options.has(name)) {
      if (rule === '+') fail(`You need to supply the '${name}' option for the '${type}' tunnel type`);
      return;
    }
    if (rule === 'x') fail(`Illegal '${name}' option with the '${type}' tunnel type`);
    if (rule !== '1') return;
    if (last === undefined) last = name;
    else fail(`The option '${name}' conflicts with the '${last}' option in the '${type}' tunnel type`);
  });
}
