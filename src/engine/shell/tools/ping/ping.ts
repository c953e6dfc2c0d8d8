/**
 * ping (iputils s20160308, CentOS 7.6): echo requests on the virtual clock, one line per reply
 * or ICMP error, the statistics footer, exit 0 when anything answered, 1 when nothing did,
 * 2 for usage and setup errors. Times come from virtual time.
 */
import { SEC } from '../../../core/sim';
import { routeOutput } from '../../../stack/ipOutput';
import type { Host } from '../../../stack/host';
import type { Network } from '../../../stack/network';
import type { CommandContext, CommandImpl, Wait } from '../../types';
import { getopt } from '../common/getopt';
import { inetAton } from '../common/inet';
import { reverseName } from '../common/names';
import { msDotUs } from '../common/text';
import { ToolExit } from '../common/toolExit';
import { startPinger } from '../../../apps/pinger';
import type { PingEvent, Pinger } from '../../../apps/pinger';

const USAGE = `Usage: ping [-aAbBdDfhLnOqrRUvV] [-c count] [-i interval] [-I interface]
            [-m mark] [-M pmtudisc_option] [-l preload] [-p pattern] [-Q tos]
            [-s packetsize] [-S sndbuf] [-t ttl] [-T timestamp_option]
            [-w deadline] [-W timeout] [hop1 ...] destination
`;

interface PingOpts {
  count?: number;
  intervalUs: number;
  lingerUs: number;
  deadlineUs?: number;
  size: number;
  quiet: boolean;
  numeric: boolean;
  src?: string;
  srcDev?: string;
  target: string;
}

/** C atoi: optional blanks and sign, then digits; anything else reads as 0. */
function atoi(s: string): number {
  const m = /^\s*([-+]?\d+)/.exec(s);
  return m ? parseInt(m[1] ?? '0', 10) : 0;
}

function parse(host: Host, argv: string[]): PingOpts {
  const r = getopt('ping', argv, { short: '46?aAbBc:dDfhi:I:l:Lm:M:nOp:qQ:rRs:S:t:T:UvVw:W:' });
  if (!r.ok) throw new ToolExit(2, `${r.error}\n${USAGE}`);
  const o: PingOpts = {
    intervalUs: SEC,
    lingerUs: 10 * SEC,
    size: 56,
    quiet: false,
    numeric: false,
    target: '',
  };
  for (const { key, value = '' } of r.opts) {
    if (key === 'c') {
      o.count = atoi(value);
      if (o.count <= 0) throw new ToolExit(2, 'ping: bad number of packets to transmit.\n');
    } else if (key === 'i') {
      const v = Number(value);
      if (value.trim() === '' || !Number.isFinite(v) || v < 0)
        throw new ToolExit(2, 'ping: bad timing interval\n');
      o.intervalUs = Math.max(1000, Math.floor(v * 1000) * 1000);
    } else if (key === 'W') {
      const v = atoi(value);
      if (v < 0 || v > 2147) throw new ToolExit(2, 'ping: bad linger time.\n');
      o.lingerUs = v * SEC;
    } else if (key === 'w') {
      const v = atoi(value);
      if (v < 0) throw new ToolExit(2, 'ping: bad wait time.\n');
      o.deadlineUs = v * SEC;
    } else if (key === 's') {
      o.size = atoi(value);
      if (o.size < 0) throw new ToolExit(2, `ping: illegal negative packet size ${o.size}.\n`);
      if (o.size > 65507)
        throw new ToolExit(2, `ping: packet size ${o.size} is too large. Maximum is 65507\n`);
    } else if (key === 't') {
      const v = atoi(value);
      if (v < 0 || v > 255) throw new ToolExit(2, `ping: ttl ${v} out of range\n`);
    } else if (key === 'I') {
      if (inetAton(value) !== undefined) o.src = inetAton(value) ?? '';
      else if (host.devices.has(value)) o.srcDev = value;
      else throw new ToolExit(2, `ping: unknown iface ${value}\n`);
    } else if (key === 'q') o.quiet = true;
    else if (key === 'n') o.numeric = true;
    else if (key === 'V') throw new ToolExit(0, '', 'ping utility, iputils-s20160308\n');
    else if (key === 'h' || key === '?') throw new ToolExit(2, USAGE);
    else if (key === 'f' || key === 'b' || key === 'R' || key === 'T')
      throw new ToolExit(2, `ping: option -${key} is not simulated in this lab\n`);
  }
  const target = r.args[r.args.length - 1];
  if (target === undefined) throw new ToolExit(2, USAGE);
  o.target = target;
  return o;
}

function name(host: Host, ip: string, numeric: boolean): string {
  const n = numeric ? undefined : reverseName(host, ip);
  return n === undefined ? ip : `${n} (${ip})`;
}

const UNREACH = [
  'Destination Net Unreachable',
  'Destination Host Unreachable',
  'Destination Protocol Unreachable',
  'Destination Port Unreachable',
  'Frag needed and DF set',
];

function errorText(e: PingEvent): string {
  if (e.type === 3) return UNREACH[e.code ?? 0] ?? `Dest Unreachable, Bad Code: ${e.code ?? 0}`;
  if (e.type === 11) return 'Time to live exceeded';
  return `Bad ICMP type: ${e.type ?? 0}`;
}

function footer(o: PingOpts, dst: string, p: Pinger, start: number): string {
  const rx = p.replies.length;
  const tx = p.sent;
  let s = `\n--- ${o.target} ping statistics ---\n${tx} packets transmitted, ${rx} received`;
  if (p.errors.length) s += `, +${p.errors.length} errors`;
  if (tx)
    s += `, ${Math.floor(((tx - rx) * 100) / tx)}% packet loss, time ${Math.floor((p.lastSendUs - start) / 1000)}ms`;
  s += '\n';
  let comma = '';
  if (rx > 0) {
    const t = p.replies.map((x) => x.rttUs ?? 0);
    const avg = Math.floor(t.reduce((a, b) => a + b, 0) / rx);
    const avg2 = Math.floor(t.reduce((a, b) => a + b * b, 0) / rx);
    const mdev = Math.floor(Math.sqrt(Math.max(0, avg2 - avg * avg)));
    s += `rtt min/avg/max/mdev = ${msDotUs(Math.min(...t))}/${msDotUs(avg)}/${msDotUs(Math.max(...t))}/${msDotUs(mdev)} ms`;
    comma = ', ';
  }
  if (p.pipe > 1) s += `${comma}pipe ${p.pipe}`;
  void dst;
  return s + '\n';
}

function rtt(us: number): string {
  if (us >= 100000) return `${Math.floor(us / 1000)}`;
  if (us >= 10000) return `${Math.floor(us / 1000)}.${Math.floor((us % 1000) / 100)}`;
  if (us >= 1000) return `${Math.floor(us / 1000)}.${String(Math.floor((us % 1000) / 10)).padStart(2, '0')}`;
  return msDotUs(us);
}

function* run(ctx: CommandContext, host: Host): Generator<Wait, number, void> {
  const o = parse(host, ctx.argv.slice(1));
  const dst = inetAton(o.target);
  if (dst === undefined) throw new ToolExit(2, `ping: unknown host ${o.target}\n`);
  const rt = routeOutput(host, dst, o.src, o.srcDev);
  if (!rt.ok) throw new ToolExit(2, 'connect: Network is unreachable\n');
  if (rt.res.type === 'broadcast') throw new ToolExit(2, 'Do you want to ping broadcast? Then -b\n');
  const from = o.src !== undefined || o.srcDev !== undefined ? `from ${rt.src} ${o.srcDev ?? rt.dev}: ` : '';
  ctx.out(`PING ${o.target} (${dst}) ${from}${o.size}(${o.size + 28}) bytes of data.\n`);
  const start = host.sim.now;
  const count = o.count ?? Number.MAX_SAFE_INTEGER;
  const p = startPinger(host, dst, {
    count,
    intervalUs: o.intervalUs,
    size: o.size,
    ...(o.src !== undefined ? { src: o.src } : {}),
    ...(o.deadlineUs !== undefined ? { untilUs: start + o.deadlineUs } : {}),
  });
  const stopAt = Math.min(
    o.deadlineUs === undefined ? Infinity : start + o.deadlineUs,
    o.count === undefined ? Infinity : start + (o.count - 1) * o.intervalUs + o.lingerUs,
  );
  let printed = 0;
  const flush = (): void => {
    const evs = [...p.replies, ...p.errors].sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (; printed < evs.length; printed++) {
      const e = evs[printed];
      if (!e || o.quiet) continue;
      if (e.rttUs !== undefined)
        ctx.out(
          `${o.size + 8} bytes from ${name(host, e.from, o.numeric)}: icmp_seq=${e.seq} ttl=${e.ttl ?? 0} time=${rtt(e.rttUs)} ms\n`,
        );
      else ctx.out(`From ${name(host, e.from, o.numeric)} icmp_seq=${e.seq} ${errorText(e)}\n`);
    }
  };
  const finished = (): boolean =>
    host.sim.now >= stopAt || (p.sent >= count && p.replies.length + p.errors.length >= count);
  try {
    while (!finished()) {
      const seen = p.replies.length + p.errors.length;
      const w: Wait = Number.isFinite(stopAt)
        ? {
            kind: 'until',
            done: () => finished() || p.replies.length + p.errors.length > seen,
            deadlineUs: stopAt,
          }
        : { kind: 'until', done: () => p.replies.length + p.errors.length > seen };
      yield w;
      flush();
    }
  } finally {
    p.stop();
    flush();
    ctx.out(footer(o, dst, p, start));
  }
  return p.replies.length === 0 ||
    (o.deadlineUs !== undefined && o.count !== undefined && p.replies.length < o.count)
    ? 1
    : 0;
}

export function pingCommand(host: Host, _net: Network): CommandImpl {
  return (ctx) => ping(ctx, host);
}

/** Module level, not a generator made per host: see curlCommand (curl.ts). */
function* ping(ctx: CommandContext, host: Host): Generator<Wait, number, void> {
  try {
    return yield* run(ctx, host);
  } catch (e) {
    if (!(e instanceof ToolExit)) throw e;
    ctx.out(e.stdout);
    ctx.err(e.stderr);
    return e.status;
  }
}
