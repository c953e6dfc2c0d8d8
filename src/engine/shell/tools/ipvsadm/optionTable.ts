/**
 * ipvsadm 1.31's popt option table: long name, short letter, argument kind and the tag the
 * option loop switches on. Order matters: popt returns the first entry that matches.
 */
export type ArgKind = 'none' | 'string' | 'optional';

export interface PoptOption {
  readonly long: string;
  readonly short?: string;
  readonly arg: ArgKind;
  readonly tag: string;
}

const o = (long: string, short: string, arg: ArgKind, tag = short): PoptOption =>
  short === '' ? { long, arg, tag } : { long, short, arg, tag };

export const POPT_OPTIONS: readonly PoptOption[] = [
  o('add-service', 'A', 'none'),
  o('edit-service', 'E', 'none'),
  o('delete-service', 'D', 'none'),
  o('clear', 'C', 'none'),
  o('list', 'L', 'none'),
  o('list', 'l', 'none'),
  o('zero', 'Z', 'none'),
  o('add-server', 'a', 'none'),
  o('edit-server', 'e', 'none'),
  o('delete-server', 'd', 'none'),
  o('set', '', 'none', 'set'),
  o('help', 'h', 'none'),
  o('version', 'v', 'none'),
  o('restore', 'R', 'none'),
  o('save', 'S', 'none'),
  o('start-daemon', '', 'string', 'start-daemon'),
  o('stop-daemon', '', 'string', 'stop-daemon'),
  o('tcp-service', 't', 'string'),
  o('udp-service', 'u', 'string'),
  o('sctp-service', '', 'string', 'sctp-service'),
  o('fwmark-service', 'f', 'string'),
  o('scheduler', 's', 'string'),
  o('persistent', 'p', 'optional'),
  o('netmask', 'M', 'string'),
  o('real-server', 'r', 'string'),
  o('masquerading', 'm', 'none'),
  o('ipip', 'i', 'none'),
  o('gatewaying', 'g', 'none'),
  o('weight', 'w', 'string'),
  o('u-threshold', 'x', 'string'),
  o('l-threshold', 'y', 'string'),
  o('numeric', 'n', 'none'),
  o('connection', 'c', 'none'),
  o('mcast-interface', '', 'string', 'mcast-interface'),
  o('syncid', '', 'string', 'syncid'),
  o('timeout', '', 'none', 'timeout'),
  o('daemon', '', 'none', 'daemon'),
  o('stats', '', 'none', 'stats'),
  o('rate', '', 'none', 'rate'),
  o('thresholds', '', 'none', 'thresholds'),
  o('persistent-conn', '', 'none', 'persistent-conn'),
  o('nosort', '', 'none', 'nosort'),
  o('sort', '', 'none', 'sort'),
  o('exact', 'X', 'none'),
  o('ipv6', '6', 'none'),
  o('ops', 'o', 'none'),
  o('pe', '', 'string', 'pe'),
  o('sched-flags', 'b', 'string'),
  o('mcast-group', '', 'string', 'mcast-group'),
  o('mcast-port', '', 'string', 'mcast-port'),
  o('mcast-ttl', '', 'string', 'mcast-ttl'),
  o('sync-maxlen', '', 'string', 'sync-maxlen'),
  o('tun-info', '', 'none', 'tun-info'),
  o('tun-type', '', 'string', 'tun-type'),
  o('tun-port', '', 'string', 'tun-port'),
  o('tun-nocsum', '', 'none', 'tun-nocsum'),
  o('tun-csum', '', 'none', 'tun-csum'),
  o('tun-remcsum', '', 'none', 'tun-remcsum'),
];
