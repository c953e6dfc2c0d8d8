/** global_defs (core/global_parser.c at 1.3.5): what an LVS course sets, the rest accepted and ignored. */
import type { Keyword } from './stream';
import { valueBlock } from './stream';
import { atoi, setValue } from './tokens';
import type { GlobalDefs } from './types';

const IGNORED = [
  'smtp_helo_name',
  'vrrp_mcast_group6',
  'vrrp_garp_interval',
  'vrrp_gna_interval',
  'vrrp_garp_lower_prio_delay',
  'vrrp_garp_lower_prio_repeat',
  'vrrp_lower_prio_no_advert',
  'vrrp_iptables',
  'vrrp_ipsets',
  'vrrp_check_unicast_src',
  'vrrp_priority',
  'checker_priority',
  'vrrp_no_swap',
  'checker_no_swap',
  'script_user',
  'enable_script_security',
  'lvs_sync_daemon',
  'lvs_timeouts',
  'enable_traps',
  'enable_snmp_keepalived',
  'enable_snmp_checker',
  'enable_snmp_rfc',
  'snmp_socket',
  'enable_dbus',
];

/** The global_defs being filled: read when a keyword is met, so the table can be built once. */
export interface GlobalParseEnv {
  global: GlobalDefs;
}

export function globalKeywords(env: GlobalParseEnv): Keyword[] {
  const k = (name: string, handler?: Keyword['handler']): Keyword => ({ name, handler, active: true });
  const sub: Keyword[] = [
    k('notification_email', (_v, r) => valueBlock(r, (line) => env.global.notificationEmail.push(...line))),
    k('notification_email_from', (v) => (env.global.notificationEmailFrom = setValue(v))),
    k('smtp_server', (v) => (env.global.smtpServer = { ip: v[1] ?? '', port: v[2] ? atoi(v[2]) : 25 })),
    k('smtp_connect_timeout', (v) => (env.global.smtpConnectTimeout = atoi(v[1]))),
    k('router_id', (v) => (env.global.routerId = setValue(v))),
    k('lvs_flush', () => (env.global.lvsFlush = true)),
    k('vrrp_mcast_group4', (v) => (env.global.mcastGroup4 = v[1] ?? '')),
    k('vrrp_garp_master_delay', (v) => (env.global.garpMasterDelay = atoi(v[1]))),
    k('vrrp_garp_master_repeat', (v) => (env.global.garpMasterRepeat = atoi(v[1]))),
    k('vrrp_garp_master_refresh', (v) => (env.global.garpMasterRefresh = atoi(v[1]))),
    k('vrrp_garp_master_refresh_repeat', (v) => (env.global.garpMasterRefreshRepeat = atoi(v[1]))),
    k('vrrp_version', (v) => {
      const n = atoi(v[1]);
      if (n === 2 || n === 3) env.global.vrrpVersion = n;
    }),
    k('vrrp_skip_check_adv_addr', () => (env.global.vrrpSkipCheckAdvAddr = true)),
    k('vrrp_strict', () => (env.global.vrrpStrict = true)),
    ...IGNORED.map((n) => k(n)),
  ];
  return [{ name: 'global_defs', active: true, sub }];
}
