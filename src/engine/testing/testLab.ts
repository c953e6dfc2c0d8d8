import { startCurl } from '../apps/curl';
import type { CurlResult } from '../apps/curl';
import { startPing } from '../apps/ping';
import type { PingHandle } from '../apps/ping';
import { SEC } from '../core/sim';
import type { Sim } from '../core/sim';
import { INSTANT_COMMAND_US, LabRuntime } from '../runtime/labRuntime';
import type { CommandResult } from '../runtime/labRuntime';
import type { LabSizeInput } from '../labs/labSize';
import type { LabDefinition } from '../labs/labTypes';
import type { Ipv4Packet } from '../packet/types';
import type { Shell } from '../shell/shell';
import type { CommandImpl } from '../shell/types';
import { ipLocalOut, routeOutput } from '../stack/ipOutput';
import type { Network } from '../stack/network';
import type { EventOf, TraceKind } from '../core/trace';

export interface ShellRun {
  out: string;
  err: string;
  status: number;
  /** Virtual time (µs) the command started and returned. */
  startUs: number;
  endUs: number;
  /** endUs − startUs. */
  tookUs: number;
  interrupted: boolean;
  /** The shell itself ended (`exit`, or it died) instead of coming back to its prompt. */
  exited: boolean;
}

export interface ShellRunOptions {
  /** Ctrl-C this long after the start. */
  interruptAfterUs?: number;
  /** Give up (Ctrl-C) after this much virtual time (default 600 s). */
  maxUs?: number;
  /** What the program reads: '' is `</dev/null`, other text is piped in by printf, byte for byte. */
  stdin?: string;
  /**
   * Stop the command (as the engine's work cap does, with its note) after this many shell steps:
   * a fuzz's budget per line, so a loop that never ends costs a few steps, not its virtual time.
   */
  maxSteps?: number;
}

/**
 * Did a command take `us` of virtual time, give or take what the shell charges for starting
 * and running it (docs/virtual-cpu-time.md)? Bounded by what a live view counts as instant.
 */
export function tookAbout(r: ShellRun, us: number): boolean {
  const took = r.endUs - r.startUs;
  return took >= us && took < us + INSTANT_COMMAND_US;
}

/** A word as typed so that the shell hands it on unchanged (plain words stay plain). */
export function shellWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/**
 * A bare lab on a fresh LabRuntime, with chainable helpers for tests (style.md §H TestSim):
 * the same topology, shells and command driver as the CLI and the browser, plus direct access
 * to the simulation for stack-level tests.
 */
export class TestLab {
  readonly rt: LabRuntime;
  readonly sim: Sim;
  readonly net: Network;

  /**
   * A registered lab by id, or a test's own topology. Bare unless `configured`: then the lab's
   * configure steps ran through the shell first.
   */
  constructor(lab: string | LabDefinition, seed = 1, configured = false, size: LabSizeInput = {}) {
    this.rt =
      typeof lab !== 'string'
        ? LabRuntime.fromDefinition(lab, { seed, bare: !configured })
        : LabRuntime.create(lab, {
            seed,
            bare: !configured,
            ...(size.servers !== undefined ? { servers: size.servers } : {}),
            ...(size.clients !== undefined ? { clients: size.clients } : {}),
          });
    this.sim = this.rt.sim;
    this.net = this.rt.net;
  }

  /** Type a command line on `host` (the production shell and driver, as the terminal does). */
  exec(host: string, command: string, maxTimeS?: number): CommandResult {
    return this.rt.exec({ host, command, ...(maxTimeS !== undefined ? { maxTimeUs: maxTimeS * SEC } : {}) });
  }

  /**
   * Run a line, or an argv whose words reach the program exactly (quoted for the shell where
   * needed), through `exec`; `interruptAfterUs` is Ctrl-C that long after the start.
   */
  sh(host: string, line: string | readonly string[], o: ShellRunOptions = {}): ShellRun {
    const typed = typeof line === 'string' ? line : line.map(shellWord).join(' ');
    const command =
      o.stdin === undefined
        ? typed
        : o.stdin === ''
          ? `${typed} </dev/null`
          : `printf '%s' ${shellWord(o.stdin)} | ${typed}`;
    // LabRuntime.exec, keeping the running command to read whether the shell exited.
    const run = this.rt.begin({ host, command }, false, o.maxSteps);
    run.advanceTo(run.startUs + (o.interruptAfterUs ?? o.maxUs ?? 600 * SEC));
    const r = run.interrupt();
    return {
      out: r.stdout,
      err: r.stderr,
      status: r.exit,
      startUs: r.start,
      endUs: r.end,
      tookUs: r.end - r.start,
      interrupted: r.interrupted,
      exited: run.exited,
    };
  }

  /** Log in again on `host`: a new interactive shell, none of the old one's variables, functions or folder. */
  freshShell(host: string): this {
    this.rt.freshShell(host);
    return this;
  }

  /** The interactive shell of `host`: what its prompt shows, its folder, its variables. */
  shell(host: string): Shell {
    const sh = this.rt.shellOf(host);
    if (!sh) throw new Error(`no host '${host}'`);
    return sh;
  }

  /** Write a file on `host` through its shell (printf into a redirection), byte for byte. */
  writeFile(host: string, path: string, text: string): this {
    this.ok(host, `printf '%s' ${shellWord(text)} > ${shellWord(path)}`);
    return this;
  }

  /** `sh` that must succeed; returns stdout. */
  ok(host: string, line: string | readonly string[]): string {
    const r = this.sh(host, line);
    if (r.status !== 0) throw new Error(`${host}# ${String(line)} failed (${r.status}): ${r.err}`);
    return r.out;
  }

  /**
   * Make `name` a program on `host`, through the command table its shells use (a stub where the
   * fact under test is what the shell hands a program, not what the program does).
   */
  withProgram(host: string, name: string, impl: CommandImpl): this {
    this.rt.commandTable(host).set(name, impl);
    return this;
  }

  /** A program that records the argv of every run in the list returned, and prints `out`. */
  recordProgram(host: string, name: string, out = ''): string[][] {
    const calls: string[][] = [];
    // eslint-disable-next-line require-yield
    this.withProgram(host, name, function* (ctx) {
      calls.push([...ctx.argv]);
      if (out !== '') ctx.out(out);
      return 0;
    });
    return calls;
  }

  /** Take program `name` off `host`: typing it then says `command not found`. */
  withoutProgram(host: string, name: string): this {
    this.rt.commandTable(host).delete(name);
    return this;
  }

  /** Writes to `path` on `host` fail from now on with `No such file or directory`. */
  failWrites(host: string, path: string): this {
    this.rt.failWrites(host, path);
    return this;
  }

  host(name: string) {
    return this.net.host(name);
  }

  sysctl(host: string, key: string, value: number): this {
    const err = this.host(host).sysctl.set(key, value);
    if (err) throw new Error(`sysctl ${key}: ${err}`);
    return this;
  }

  /** Run the simulation for `s` virtual seconds. */
  run(s: number): this {
    this.sim.runUntil(this.sim.now + Math.round(s * SEC));
    return this;
  }

  /** curl from `host` to ip:port on the stack (no shell, no process start), run until it exits. */
  curl(host: string, ip: string, port = 80, maxTimeS?: number): CurlResult {
    const handle = startCurl(this.host(host), {
      ip,
      port,
      hostHeader: port === 80 ? ip : `${ip}:${port}`,
      path: '/',
      method: 'GET',
      ...(maxTimeS !== undefined ? { maxTimeUs: maxTimeS * SEC } : {}),
    });
    this.sim.runWhile(() => handle.done, this.sim.now + 400 * SEC);
    if (!handle.result) throw new Error('curl did not finish');
    return handle.result;
  }

  ping(host: string, dst: string, count = 1): PingHandle {
    const h = startPing(this.host(host), dst, count);
    this.sim.runWhile(() => h.done, this.sim.now + (count + 5) * SEC);
    return h;
  }

  /** Send a hand-built IP packet from `host` as a raw socket would. */
  inject(host: string, pkt: Ipv4Packet): string {
    const h = this.host(host);
    const rt = routeOutput(h, pkt.dst, pkt.src);
    if (!rt.ok) throw new Error(`no route from ${host} to ${pkt.dst}`);
    const id = this.sim.ids.next('pkt');
    ipLocalOut(h, { id, pkt }, rt.dev, rt.nexthop);
    return id;
  }

  events<K extends TraceKind>(kind: K, pred: (e: EventOf<K>) => boolean = () => true): EventOf<K>[] {
    return [...this.sim.trace].filter((e): e is EventOf<K> => e.kind === kind && pred(e as EventOf<K>));
  }

  /** Hosts that answered an ARP request for `tip`, in the order they decided to. */
  arpResponders(tip: string): string[] {
    return this.events('arp.decide', (e) => e.tip === tip && e.verdict === 'reply').map((e) => e.host);
  }
}

export function echoPacket(src: string, dst: string, ident = 7, seq = 1): Ipv4Packet {
  return {
    proto: 'ipv4',
    tos: 0,
    id: 1,
    df: true,
    mf: false,
    fragOffset: 0,
    ttl: 64,
    protocol: 1,
    src,
    dst,
    payload: { proto: 'icmp', type: 8, code: 0, ident, sequence: seq, data: 'probe' },
  };
}
