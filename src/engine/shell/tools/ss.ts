/**
 * ss (iproute2 4.11, CentOS 7.6). Column widths follow ss.c for an 89-column terminal, the
 * width the seed article's `ss -ntl` was captured at (its header matches byte for byte).
 * Apache on CentOS 7 listens on the IPv6 wildcard (`Listen 80` binds [::]:80, dual stack), so
 * httpd's sockets show as `:::80` and its accepted connections as `::ffff:a.b.c.d`.
 */
import type { Host } from '../../stack/host';
import type { Network } from '../../stack/network';
import type { TcpState } from '../../stack/tcpTypes';
import { simple } from '../types';
import type { CommandContext, CommandImpl } from '../types';
import { getopt } from './common/getopt';
import { httpdPids } from './httpdService';
import { left, right } from './common/text';
import { guarded, ToolExit } from './common/toolExit';
import { ssSummary } from './ssSummary';

const SCREEN_WIDTH = 89;

const SERVICES: Readonly<Record<number, string>> = {
  22: 'ssh',
  25: 'smtp',
  53: 'domain',
  80: 'http',
  443: 'https',
  888: 'accessbuilder',
  8080: 'webcache',
};

interface Row {
  netid: string;
  state: string;
  rq: number;
  sq: number;
  local: [string, string];
  peer: [string, string];
  users?: string;
}

interface Widths {
  netid: number;
  state: number;
  addr: number;
  serv: number;
}

function widths(showNetid: boolean, showState: boolean): Widths {
  let netid = showNetid ? 5 : 0;
  let state = showState ? 10 : 0;
  let addrp = SCREEN_WIDTH - (netid + 1) - (state + 1) - 14;
  if (addrp & 1) {
    if (netid) netid++;
    else if (state) state++;
  }
  addrp = Math.floor(addrp / 2) - 1;
  const serv0 = 5;
  if (addrp < 15 + serv0 + 1) addrp = 15 + serv0 + 1;
  return { netid, state, addr: addrp - serv0 - 1 - 13, serv: serv0 + 13 };
}

function addrField(w: Widths, [addr, port]: [string, string]): string {
  const len =
    addr.includes(':') && addr.length > w.addr
      ? w.addr + Math.floor((addr.length - w.addr + 3) / 4) * 4
      : w.addr;
  return `${right(addr, len)}:${left(port, w.serv)} `;
}

const SS_CONN: ReadonlySet<string> = new Set([
  'ESTAB',
  'SYN-SENT',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'LAST-ACK',
  'CLOSING',
]);

function port(p: number, numeric: boolean): string {
  return numeric ? String(p) : (SERVICES[p] ?? String(p));
}

function v6(ip: string, dual: boolean): string {
  return dual ? `::ffff:${ip}` : ip;
}

function collect(host: Host, o: SsOpts): Row[] {
  const rows: Row[] = [];
  const httpdPorts = new Set(
    [...host.sockets.listeners.values()].filter((l) => l.owner === 'httpd').map((l) => l.port),
  );
  if (o.tcp) {
    for (const l of host.sockets.listeners.values()) {
      const dual = l.owner === 'httpd' && l.laddr === '0.0.0.0';
      const users = o.users
        ? `users:(${[...(l.owner === 'httpd' ? httpdPids(host) : [])].map((p) => `("${l.owner}",pid=${p},fd=4)`).join(',')})`
        : undefined;
      const row: Row = {
        netid: 'tcp',
        state: 'LISTEN',
        rq: 0,
        sq: 128,
        local: [dual ? '::' : l.laddr === '0.0.0.0' ? '*' : l.laddr, port(l.port, o.numeric)],
        peer: [dual ? '::' : '*', '*'],
      };
      if (users !== undefined) row.users = users;
      rows.push(row);
    }
    for (const c of host.sockets.connections()) {
      const dual = httpdPorts.has(c.lport) && host.sockets.listeners.has(`0.0.0.0:${c.lport}`);
      const state: TcpState | 'UNCONN' = c.state === 'CLOSED' ? 'UNCONN' : c.state;
      rows.push({
        netid: 'tcp',
        state,
        rq: 0,
        sq: 0,
        local: [v6(c.laddr, dual), port(c.lport, o.numeric)],
        peer: [v6(c.raddr, dual), port(c.rport, o.numeric)],
      });
    }
  }
  if (o.udp) {
    for (const b of host.sockets.udp.values()) {
      rows.push({
        netid: 'udp',
        state: 'UNCONN',
        rq: 0,
        sq: 0,
        local: [b.laddr === '0.0.0.0' ? '*' : b.laddr, port(b.port, o.numeric)],
        peer: ['*', '*'],
      });
    }
  }
  return rows.filter((r) => o.states.has(r.state) && o.filters.every((f) => f(r)));
}

interface SsOpts {
  tcp: boolean;
  udp: boolean;
  numeric: boolean;
  users: boolean;
  states: Set<string>;
  filters: ((r: Row) => boolean)[];
}

const STATE_WORDS: Readonly<Record<string, string[]>> = {
  established: ['ESTAB'],
  'syn-sent': ['SYN-SENT'],
  'syn-recv': ['SYN-RECV'],
  'fin-wait-1': ['FIN-WAIT-1'],
  'fin-wait-2': ['FIN-WAIT-2'],
  'time-wait': ['TIME-WAIT'],
  closed: ['UNCONN'],
  'close-wait': ['CLOSE-WAIT'],
  'last-ack': ['LAST-ACK'],
  listening: ['LISTEN'],
  listen: ['LISTEN'],
  closing: ['CLOSING'],
  all: [
    'ESTAB',
    'SYN-SENT',
    'SYN-RECV',
    'FIN-WAIT-1',
    'FIN-WAIT-2',
    'TIME-WAIT',
    'UNCONN',
    'CLOSE-WAIT',
    'LAST-ACK',
    'LISTEN',
    'CLOSING',
  ],
  connected: [...SS_CONN],
};

/** The filter words this lab understands: `state S`, `sport|dport [=] :N`, `src|dst ADDR`. */
function parseFilter(words: string[], o: SsOpts): void {
  const w = words.filter((x) => x !== 'and' && x !== '(' && x !== ')');
  let stateGiven = false;
  for (let i = 0; i < w.length; i++) {
    const k = w[i] ?? '';
    let v = w[++i];
    if (v === '=' || v === '==' || v === 'eq') v = w[++i];
    if (v === undefined) throw new ToolExit(255, `ss: bad filter near "${k}"\n`);
    if (k === 'state' || k === 'exclude') {
      const s = STATE_WORDS[v];
      if (!s) throw new ToolExit(255, `ss: wrong state name: ${v}\n`);
      if (!stateGiven && k === 'state') o.states = new Set();
      stateGiven = true;
      for (const x of s) {
        if (k === 'state') o.states.add(x);
        else o.states.delete(x);
      }
    } else if (k === 'sport' || k === 'dport') {
      const n = v.replace(/^:/, '');
      o.filters.push(
        (r) =>
          (k === 'sport' ? r.local : r.peer)[1] === n ||
          (k === 'sport' ? r.local : r.peer)[1] === port(Number(n), false),
      );
    } else if (k === 'src' || k === 'dst') {
      o.filters.push((r) => (k === 'src' ? r.local : r.peer)[0].replace(/^::ffff:/, '') === v);
    } else throw new ToolExit(255, `ss: filter "${k}" is not simulated in this lab\n`);
  }
}

function run(ctx: CommandContext, host: Host): number {
  const r = getopt('ss', ctx.argv.slice(1), {
    short: 'dhaletuwxnro460spbEf:miA:D:F:vVzZN:K',
    long: [
      { name: 'numeric', arg: 'none', key: 'n' },
      { name: 'all', arg: 'none', key: 'a' },
      { name: 'listening', arg: 'none', key: 'l' },
      { name: 'tcp', arg: 'none', key: 't' },
      { name: 'udp', arg: 'none', key: 'u' },
      { name: 'processes', arg: 'none', key: 'p' },
      { name: 'ipv4', arg: 'none', key: '4' },
      { name: 'help', arg: 'none', key: 'h' },
      { name: 'version', arg: 'none', key: 'V' },
      { name: 'extended', arg: 'none', key: 'e' },
      { name: 'options', arg: 'none', key: 'o' },
      { name: 'memory', arg: 'none', key: 'm' },
      { name: 'info', arg: 'none', key: 'i' },
    ],
  });
  if (!r.ok) throw new ToolExit(255, `${r.error}\nUsage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n`);
  const keys = new Set(r.opts.map((x) => x.key));
  if (keys.has('V')) throw new ToolExit(0, '', 'ss utility, iproute2-ss170501\n');
  if (keys.has('h')) throw new ToolExit(0, '', 'Usage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n');
  if (keys.has('s')) {
    ctx.out(ssSummary(host));
    return 0;
  }
  for (const k of ['x', 'w', 'd', 'f', 'A', 'D', 'F', 'K', '0', '6', 'Z', 'z', 'E']) {
    if (keys.has(k)) throw new ToolExit(1, `ss: option -${k} is not simulated in this lab\n`);
  }
  const tcp = keys.has('t') || !keys.has('u');
  const o: SsOpts = {
    tcp,
    udp: keys.has('u'),
    numeric: keys.has('n'),
    users: keys.has('p'),
    states: new Set(SS_CONN),
    filters: [],
  };
  if (keys.has('l')) o.states = new Set(['LISTEN', 'UNCONN']);
  if (keys.has('a')) o.states = new Set(STATE_WORDS.all);
  parseFilter(r.args, o);
  const w = widths(o.tcp && o.udp, o.states.size > 1);
  const head = (w.netid ? `${left('Netid', w.netid)} ` : '') + (w.state ? `${left('State', w.state)} ` : '');
  const lines = [
    `${head}Recv-Q Send-Q ${right('Local Address', w.addr)}:${left('Port', w.serv)} ${right('Peer Address', w.addr)}:${left('Port', w.serv)}`,
  ];
  for (const row of collect(host, o)) {
    let s = (w.netid ? `${left(row.netid, w.netid)} ` : '') + (w.state ? `${left(row.state, w.state)} ` : '');
    s += `${left(String(row.rq), 6)} ${left(String(row.sq), 6)} ${addrField(w, row.local)}${addrField(w, row.peer)}`;
    if (row.users !== undefined) s += row.users;
    lines.push(s);
  }
  ctx.out(lines.join('\n') + '\n');
  return 0;
}

export function ssCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) => guarded(ctx, () => run(ctx, host)));
}
