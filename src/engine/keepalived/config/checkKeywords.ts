/** virtual_server and its checkers (check/check_parser.c, check_http.c, check_tcp.c, check_misc.c at 1.3.5). */
import type { Keyword } from './stream';
import { valueBlock } from './stream';
import { atoi, setValue } from './tokens';
import type { CheckerConf, HttpUrl, LbKind, RealServerConf, VirtualServerConf } from './types';
import { isIpv4 } from './vip';

export interface CheckParseEnv {
  servers: VirtualServerConf[];
  log: (msg: string) => void;
}

function newVs(): VirtualServerConf {
  return {
    delayLoop: 60,
    lbAlgo: '',
    lbKind: 'NAT',
    persistenceTimeout: 0,
    protocol: '',
    sorryServerInhibit: false,
    quorum: 1,
    hysteresis: 0,
    alpha: false,
    omega: false,
    haSuspend: false,
    realServers: [],
  };
}

const k = (name: string, handler?: Keyword['handler'], sub?: Keyword[]): Keyword => ({
  name,
  handler,
  sub,
  active: true,
});

function checkerKeywords(env: CheckParseEnv): Keyword[] {
  const vs = (): VirtualServerConf => env.servers[env.servers.length - 1]!;
  const rs = (): RealServerConf | undefined => vs().realServers[vs().realServers.length - 1];
  const chk = (): CheckerConf | undefined => {
    const c = rs()?.checkers;
    return c?.[c.length - 1];
  };
  const set =
    (fn: (c: CheckerConf, v: string[]) => void): Keyword['handler'] =>
    (v) => {
      const c = chk();
      if (c) fn(c, v);
    };
  const common = [
    k(
      'connect_timeout',
      set((c, v) => c.kind !== 'MISC_CHECK' && (c.connectTimeout = atoi(v[1]))),
    ),
    k(
      'connect_ip',
      set((c, v) => c.kind !== 'MISC_CHECK' && (c.connectIp = v[1] ?? '')),
    ),
    k(
      'connect_port',
      set((c, v) => c.kind !== 'MISC_CHECK' && (c.connectPort = atoi(v[1]))),
    ),
    k('bindto'),
    k('bind_port'),
    k('fwmark'),
    k(
      'warmup',
      set((c, v) => (c.warmup = atoi(v[1]))),
    ),
    k(
      'delay_before_retry',
      set((c, v) => c.kind !== 'MISC_CHECK' && (c.delayBeforeRetry = atoi(v[1]))),
    ),
  ];
  const url = (): HttpUrl | undefined => {
    const c = chk();
    return c && (c.kind === 'HTTP_GET' || c.kind === 'SSL_GET') ? c.urls[c.urls.length - 1] : undefined;
  };
  const http = (kind: 'HTTP_GET' | 'SSL_GET'): Keyword =>
    k(kind, () => rs()?.checkers.push({ kind, urls: [], nbGetRetry: 1, delayBeforeRetry: 3 }), [
      ...common,
      k(
        'nb_get_retry',
        set((c, v) => (c.kind === 'HTTP_GET' || c.kind === 'SSL_GET') && (c.nbGetRetry = atoi(v[1]))),
      ),
      k(
        'url',
        set((c) => (c.kind === 'HTTP_GET' || c.kind === 'SSL_GET') && c.urls.push({})),
        [
          k('path', (v) => url() && (url()!.path = setValue(v))),
          k('digest', (v) => url() && (url()!.digest = (v[1] ?? '').toLowerCase())),
          k('status_code', (v) => url() && (url()!.statusCode = atoi(v[1]))),
        ],
      ),
    ]);
  return [
    http('HTTP_GET'),
    http('SSL_GET'),
    k('TCP_CHECK', () => rs()?.checkers.push({ kind: 'TCP_CHECK', retry: 1, delayBeforeRetry: 1 }), [
      ...common,
      k(
        'retry',
        set((c, v) => c.kind === 'TCP_CHECK' && (c.retry = atoi(v[1]))),
      ),
    ]),
    k('MISC_CHECK', () => rs()?.checkers.push({ kind: 'MISC_CHECK', dynamic: false }), [
      k(
        'misc_path',
        set((c, v) => c.kind === 'MISC_CHECK' && (c.path = setValue(v))),
      ),
      k(
        'misc_timeout',
        set((c, v) => c.kind === 'MISC_CHECK' && (c.timeout = atoi(v[1]))),
      ),
      k(
        'misc_dynamic',
        set((c) => c.kind === 'MISC_CHECK' && (c.dynamic = true)),
      ),
      k('user'),
      k(
        'warmup',
        set((c, v) => (c.warmup = atoi(v[1]))),
      ),
    ]),
  ];
}

function realServerKeywords(env: CheckParseEnv): Keyword[] {
  const vs = (): VirtualServerConf => env.servers[env.servers.length - 1]!;
  const rs = (): RealServerConf => vs().realServers[vs().realServers.length - 1]!;
  return [
    k('weight', (v) => (rs().weight = atoi(v[1]))),
    k('inhibit_on_failure', () => (rs().inhibitOnFailure = true)),
    k('notify_up', (v) => (rs().notifyUp = setValue(v))),
    k('notify_down', (v) => (rs().notifyDown = setValue(v))),
    k('uthreshold'),
    k('lthreshold'),
    ...checkerKeywords(env),
  ];
}

const METHODS: Readonly<Record<string, LbKind>> = { NAT: 'NAT', DR: 'DR', TUN: 'TUN' };

function vsKeywords(env: CheckParseEnv): Keyword[] {
  const vs = (): VirtualServerConf => env.servers[env.servers.length - 1]!;
  const method: Keyword['handler'] = (v) => {
    const m = METHODS[v[1] ?? ''];
    if (m) vs().lbKind = m;
    else env.log(`PARSER : unknown [${v[1] ?? ''}] routing method.`);
  };
  const sched: Keyword['handler'] = (v) => (vs().lbAlgo = (v[1] ?? '').slice(0, 15));
  return [
    k('delay_loop', (v) => (vs().delayLoop = Math.max(1, atoi(v[1])))),
    k('lb_algo', sched),
    k('lvs_sched', sched),
    k('lb_kind', method),
    k('lvs_method', method),
    k('persistence_timeout', (v) => (vs().persistenceTimeout = v.length < 2 ? 360 : atoi(v[1]))),
    k('persistence_granularity', (v) => (vs().persistenceGranularity = v[1] ?? '')),
    // proto_handler: TCP, SCTP, and anything else counts as UDP.
    k('protocol', (v) => (vs().protocol = v[1] === 'TCP' ? 'TCP' : v[1] === 'SCTP' ? 'SCTP' : 'UDP')),
    k('sorry_server', (v) => (vs().sorryServer = { ip: v[1] ?? '', port: atoi(v[2]) })),
    k('sorry_server_inhibit', () => (vs().sorryServerInhibit = true)),
    k('quorum', (v) => (vs().quorum = Math.max(1, atoi(v[1])))),
    k('hysteresis', (v) => (vs().hysteresis = Math.max(0, atoi(v[1])))),
    k('quorum_up', (v) => (vs().quorumUp = setValue(v))),
    k('quorum_down', (v) => (vs().quorumDown = setValue(v))),
    k('alpha', () => (vs().alpha = true)),
    k('omega', () => (vs().omega = true)),
    k('ha_suspend', () => (vs().haSuspend = true)),
    k('virtualhost', (v) => (vs().virtualhost = v[1] ?? '')),
    k('ops'),
    k(
      'real_server',
      (v) =>
        vs().realServers.push({
          ip: v[1] ?? '',
          port: atoi(v[2]),
          weight: 1,
          inhibitOnFailure: false,
          checkers: [],
        }),
      realServerKeywords(env),
    ),
  ];
}

/** The checker child's keywords; `active` false gives the other processes' skipping twins. */
export function checkKeywords(env: CheckParseEnv, active: boolean): Keyword[] {
  return [
    {
      name: 'virtual_server',
      active,
      handler: (v) => {
        const s = newVs();
        if (v[1] === 'fwmark') s.fwmark = atoi(v[2]);
        else if (v[1] !== 'group') {
          if (!isIpv4(v[1])) env.log(`Invalid virtual server IP address ${v[1] ?? ''} - skipping`);
          else s.addr = { ip: v[1], port: atoi(v[2]) };
        }
        env.servers.push(s);
      },
      sub: vsKeywords(env),
    },
    { name: 'virtual_server_group', active, handler: (_v, r) => valueBlock(r, () => undefined) },
  ];
}
