/** vrrp_instance and vrrp_script (vrrp/vrrp_parser.c at 1.3.5), with the messages their handlers log. */
import type { Keyword } from './stream';
import { valueBlock } from './stream';
import { atof, atoi, setValue } from './tokens';
import type { LineReader } from './tokens';
import type { TrackItem, VipSpec, VrrpInstanceConf, VrrpScriptConf } from './types';
import { parseVip } from './vip';

export interface VrrpParseEnv {
  instances: VrrpInstanceConf[];
  scripts: VrrpScriptConf[];
  log: (msg: string) => void;
  hasInterface: (name: string) => boolean;
}

const SKIPPED_INSTANCE_KEYWORDS = [
  'use_vmac',
  'vmac_xmit_base',
  'native_ipv6',
  'dont_track_primary',
  'smtp_alert',
  'lvs_sync_daemon_interface',
  'debug',
  'version',
  'strict_mode',
  'lower_prio_no_advert',
  'garp_master_refresh_repeat',
  'garp_lower_prio_delay',
  'garp_lower_prio_repeat',
  'skip_check_adv_addr',
  'check_unicast_src',
];

function trackLine(v: string[]): TrackItem {
  return { name: v[0]!, weight: v[1] === 'weight' ? atoi(v[2]) : 0 };
}

function newInstance(name: string): VrrpInstanceConf {
  return {
    name,
    initState: 'BACKUP',
    vrid: 0,
    advertInt: 1,
    authType: 0,
    authPass: '',
    vips: [],
    nopreempt: false,
    preemptDelay: 0,
    trackInterface: [],
    trackScript: [],
    unicastPeers: [],
  };
}

function instanceKeywords(env: VrrpParseEnv): Keyword[] {
  const cur = (): VrrpInstanceConf => env.instances[env.instances.length - 1]!;
  const k = (name: string, handler?: Keyword['handler'], sub?: Keyword[]): Keyword => ({
    name,
    handler,
    sub,
    active: true,
  });
  const vips =
    (list: (i: VrrpInstanceConf) => VipSpec[]): Keyword['handler'] =>
    (_v, r) =>
      valueBlock(r, (line) => {
        const vip = parseVip(line, env.log);
        if (vip) list(cur()).push(vip);
      });
  return [
    k('state', (v) => {
      const s = v[1] ?? '';
      if (s === 'MASTER' || s === 'BACKUP') cur().initState = s;
      else {
        env.log(`(${cur().name}): unknown state '${s}', defaulting to BACKUP`);
        cur().initState = 'BACKUP';
      }
    }),
    k('interface', (v) => {
      const dev = v[1] ?? '';
      cur().interface = dev;
      if (!env.hasInterface(dev)) env.log(`Cant find interface ${dev} for vrrp_instance ${cur().name} !!!`);
    }),
    k('virtual_router_id', (v) => {
      const id = atoi(v[1]);
      if (id < 1 || id > 255) {
        env.log('VRRP Error : VRID not valid - must be between 1 & 255. reconfigure !');
        return;
      }
      cur().vrid = id;
    }),
    k('priority', (v) => {
      const p = atoi(v[1]);
      if (p < 1 || p > 255) {
        env.log(`(${cur().name}): Priority not valid! must be between 1 & 255. Using default 100`);
        cur().priority = 100;
      } else cur().priority = p;
    }),
    k('advert_int', (v) => {
      const a = atof(v[1]);
      if (a <= 0 || a > 255) {
        env.log(
          `(${cur().name}): Advert interval (${v[1] ?? ''}) not valid! Must be > 0 and <= 255 - ignoring`,
        );
        return;
      }
      cur().advertInt = a;
    }),
    k('authentication', undefined, [
      k('auth_type', (v) => {
        const t = v[1] ?? '';
        if (t === 'PASS') cur().authType = 1;
        else if (t === 'AH') cur().authType = 2;
        else env.log(`(${cur().name}): unknown authentication type '${t}'`);
      }),
      k('auth_pass', (v) => {
        const p = setValue(v);
        if (p.length > 8) env.log('Truncating auth_pass to 8 characters');
        cur().authPass = p.slice(0, 8);
      }),
    ]),
    k(
      'virtual_ipaddress',
      vips((i) => i.vips),
    ),
    k(
      'virtual_ipaddress_excluded',
      vips((i) => i.vips),
    ),
    k('nopreempt', () => (cur().nopreempt = true)),
    k('preempt', () => (cur().nopreempt = false)),
    k('preempt_delay', (v) => {
      const d = atoi(v[1]);
      if (d < 0 || d > 1000) {
        env.log(`(${cur().name}): Preempt_delay not valid! must be between 0-1000`);
        return;
      }
      cur().preemptDelay = d;
    }),
    k('track_interface', (_v, r) => valueBlock(r, (line) => cur().trackInterface.push(trackLine(line)))),
    k('track_script', (_v, r) => valueBlock(r, (line) => cur().trackScript.push(trackLine(line)))),
    k('notify_master', (v) => (cur().notifyMaster = setValue(v))),
    k('notify_backup', (v) => (cur().notifyBackup = setValue(v))),
    k('notify_fault', (v) => (cur().notifyFault = setValue(v))),
    k('notify_stop', (v) => (cur().notifyStop = setValue(v))),
    k('notify', (v) => (cur().notify = setValue(v))),
    k('garp_master_delay', (v) => (cur().garpMasterDelay = atoi(v[1]))),
    k('garp_master_repeat', (v) => (cur().garpMasterRepeat = atoi(v[1]))),
    k('garp_master_refresh', (v) => (cur().garpMasterRefresh = atoi(v[1]))),
    k('accept', () => (cur().accept = true)),
    k('no_accept', () => (cur().accept = false)),
    k('mcast_src_ip', (v) => (cur().mcastSrcIp = v[1] ?? '')),
    k('unicast_src_ip', (v) => (cur().mcastSrcIp = v[1] ?? '')),
    k('unicast_peer', (_v, r) => valueBlock(r, (line) => cur().unicastPeers.push(line[0]!))),
    k('virtual_routes', (_v, r) => valueBlock(r, () => undefined)),
    k('virtual_rules', (_v, r) => valueBlock(r, () => undefined)),
    ...SKIPPED_INSTANCE_KEYWORDS.map((n) => k(n)),
  ];
}

function scriptKeywords(env: VrrpParseEnv): Keyword[] {
  const cur = (): VrrpScriptConf => env.scripts[env.scripts.length - 1]!;
  const k = (name: string, handler: Keyword['handler']): Keyword => ({ name, handler, active: true });
  return [
    k('script', (v) => (cur().script = setValue(v))),
    k('interval', (v) => (cur().interval = Math.max(1, atoi(v[1])))),
    k('timeout', (v) => (cur().timeout = atoi(v[1]))),
    k('weight', (v) => (cur().weight = atoi(v[1]))),
    k('fall', (v) => (cur().fall = Math.max(1, atoi(v[1])))),
    k('rise', (v) => (cur().rise = Math.max(1, atoi(v[1])))),
    k('user', () => undefined),
  ];
}

/** The VRRP child's keywords; `active` false gives the other processes' skipping twins. */
export function vrrpKeywords(env: VrrpParseEnv, active: boolean): Keyword[] {
  const named =
    (what: string, push: (name: string) => void): Keyword['handler'] =>
    (v) => {
      if (v.length !== 2) {
        env.log(`${what} must have a name`);
        push('');
        return;
      }
      push(v[1]!);
    };
  return [
    {
      name: 'vrrp_instance',
      active,
      handler: named('vrrp_instance', (n) => env.instances.push(newInstance(n))),
      sub: instanceKeywords(env),
    },
    {
      name: 'vrrp_script',
      active,
      handler: named('vrrp_script', (n) =>
        env.scripts.push({ name: n, interval: 1, timeout: 0, weight: 0, fall: 1, rise: 1 }),
      ),
      sub: scriptKeywords(env),
    },
    {
      name: 'vrrp_sync_group',
      active,
      sub: [
        'group',
        'notify_master',
        'notify_backup',
        'notify_fault',
        'notify',
        'smtp_alert',
        'global_tracking',
      ].map((name) => ({
        name,
        active: true,
        handler:
          name === 'group' ? (_v: string[], r: LineReader) => valueBlock(r, () => undefined) : undefined,
      })),
    },
    { name: 'static_ipaddress', active, handler: (_v, r) => valueBlock(r, () => undefined) },
    { name: 'static_routes', active, handler: (_v, r) => valueBlock(r, () => undefined) },
    { name: 'static_rules', active, handler: (_v, r) => valueBlock(r, () => undefined) },
  ];
}
