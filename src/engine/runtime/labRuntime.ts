import { SEC, Sim } from '../core/sim';
import type { TraceLog } from '../core/trace';
import { buildTopology } from '../labs/buildTopology';
import { getLab } from '../labs/registry';
import type { LabDefinition } from '../labs/labTypes';
import type { Network } from '../stack/network';
import type { Host } from '../stack/host';
import { createHostFs } from '../shell/hostFs';
import { createShell } from '../shell/shell';
import type { Shell } from '../shell/shell';
import { hostCommands, type HostCommands } from '../shell/tools/registry';
import { settle } from './commandDriver';
import { CMD_END, CMD_START } from './cmdEventKinds';
import { CommandIo } from './commandIo';
import { RunningCommand, WORK_CAP_NOTE } from './runningCommand';
import { driveScript } from './scriptDriver';
import { setScriptRunner } from '../keepalived/scriptRunner';
import { startBackgroundTcpdump } from './backgroundCapture';
import { installCgi } from './cgiRunner';
import { sysctlAt } from '../fold/sysctlAt';
import type { Sysctl } from '../stack/sysctl';
import type { BackgroundCapture } from './backgroundCapture';
import { startBackgroundNc } from './backgroundNc';
import { simJobDriver } from './backgroundJobs';
import type { NcatHandle } from '../apps/ncat';

export interface LabOptions {
  seed?: number;
  /** Start from the bare state instead of the configured one (docs/linux-behaviour.md, "The labs"). */
  bare?: boolean;
  /** Real servers (2–8) and client hosts (1–8), labs.md "Lab size"; default 2 and 1. */
  servers?: number;
  clients?: number;
}

/** One entry of a lab's command log: what was typed, where, and for how long it may run. */
export interface CommandEntry {
  host: string;
  command: string;
  /** Virtual microseconds after which the command is interrupted (Ctrl-C). */
  maxTimeUs?: number;
}

/** A command typed (or run as lab setup) on a host; `index` is its place in the command log. */
export interface CmdStartEvent {
  kind: 'cmd.start';
  host: string;
  command: string;
  index: number;
}

/** A chunk a command printed, at the virtual time it printed it (the terminal shows it then). */
export interface CmdOutEvent {
  kind: 'cmd.out';
  host: string;
  index: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** The command returned, with the shell's exit status; `interrupted` when Ctrl-C ended it. */
export interface CmdEndEvent {
  kind: 'cmd.end';
  host: string;
  index: number;
  exit: number;
  interrupted: boolean;
}

export interface CommandResult {
  index: number;
  host: string;
  command: string;
  stdout: string;
  stderr: string;
  exit: number;
  /** Virtual time (µs) the command started and returned. */
  start: number;
  end: number;
  /** Trace positions [from, to) covering the command and what it set in motion. */
  traceFrom: number;
  traceTo: number;
  /** Part of the lab's configured state, not typed by the user. */
  setup: boolean;
  interrupted: boolean;
}

export const DEFAULT_MAX_TIME_US = 60 * SEC;

const NOT_BACKGROUND_NC = Object.freeze({ kind: 'not-background' as const });

/** A host's /etc/hosts (a background nc reads it). */
function etcHosts(host: Host): string | undefined {
  return createHostFs(host).read('/etc/hosts');
}

/**
 * A live view may run a command this far in one go when it starts: what ends within it
 * (ipvsadm, echo: a process start and a little CPU time, docs/virtual-cpu-time.md) shows as done
 * at once, as it does in a terminal.
 */
export const INSTANT_COMMAND_US = 10_000;

/**
 * A running lab: the topology, a shell per host, and the results of every command so far.
 * A lab run is a pure function of (lab, seed, bare, command log): replaying the log gives the
 * same trace, byte for byte.
 */
export class LabRuntime {
  readonly sim: Sim;
  readonly net: Network;
  readonly results: CommandResult[] = [];
  private readonly shells = new Map<string, Shell>();
  private readonly captures: BackgroundCapture[] = [];
  /** Background `nc -l … &` listeners, stopped at the end of the session. */
  private readonly listeners: NcatHandle[] = [];
  /** Where background output goes: the command running now. */
  private current: { out: (s: string) => void; err: (s: string) => void } | undefined;
  /** Where a background job's output goes: the command running when it prints. */
  private readonly background = {
    out: (x: string) => this.current?.out(x),
    err: (x: string) => this.current?.err(x),
  };
  /** Where a background tcpdump's lines go: the command running when it prints. */
  private readonly captureSink = (line: string): void => this.current?.out(`${line}\n`);
  /** The command under way (begin), until it ends. */
  private running: RunningCommand | undefined;
  /** Per host: the programs its shells find by name, and the paths whose writes fail (tests only). */
  private readonly tables = new Map<
    string,
    { commands: HostCommands; failing: Set<string>; login: () => Shell }
  >();

  private constructor(
    readonly def: LabDefinition,
    readonly seed: number,
    readonly bare: boolean,
  ) {
    this.sim = new Sim(seed);
    this.net = buildTopology(def, this.sim);
    const jobs = simJobDriver(this.sim);
    for (const [name, host] of this.net.hosts) {
      const commands = hostCommands(host, this.net);
      const failing = new Set<string>();
      // The shell charges virtual CPU time for its work, so --max-time stops even a loop that never waits.
      const make = (pid?: number): Shell =>
        createShell({ hostname: name, now: () => this.sim.now, commands }, createHostFs(host, failing), {
          jobs,
          ...(pid !== undefined ? { pid, cwd: '/var/www/cgi-bin' } : {}),
        });
      this.tables.set(name, { commands, failing, login: () => make() });
      this.shells.set(name, make());
      installCgi(host, this.sim, () => make(4000));
      // Daemons' scripts run in their own shell, as a forked /bin/sh would.
      setScriptRunner(host, (command, timeoutUs, done) =>
        driveScript(
          this.sim,
          createShell({ hostname: name, now: () => this.sim.now, commands }, createHostFs(host)),
          command,
          timeoutUs,
          done,
        ),
      );
    }
  }

  /** The command table `host`'s shells look programs up in (TestLab.withProgram adds to it). */
  commandTable(host: string): HostCommands {
    return this.hostTables(host).commands;
  }

  /**
   * Log in again on `host`: its terminal gets a new interactive shell, without the old one's
   * variables, functions, options or folder (TestLab.freshShell).
   */
  freshShell(host: string): void {
    this.shells.set(host, this.hostTables(host).login());
  }

  /** Writes to `path` on `host` fail from now on, as into a missing folder (TestLab.failWrites). */
  failWrites(host: string, path: string): void {
    this.hostTables(host).failing.add(path);
  }

  private hostTables(host: string) {
    const t = this.tables.get(host);
    if (!t) throw new Error(`no host '${host}' in lab ${this.def.id}`);
    return t;
  }

  static create(labId: string, opts: LabOptions = {}): LabRuntime {
    const def = getLab(labId, { servers: opts.servers, clients: opts.clients });
    if (!def) throw new Error(`unknown lab '${labId}' (nat, dr, tun, ha)`);
    return LabRuntime.fromDefinition(def, opts);
  }

  /** A runtime on a given topology (the registry's labs, or a test's own, engine/testing). */
  static fromDefinition(def: LabDefinition, opts: Pick<LabOptions, 'seed' | 'bare'> = {}): LabRuntime {
    const rt = new LabRuntime(def, opts.seed ?? 1, opts.bare ?? false);
    if (!rt.bare) for (const step of def.configure) rt.exec({ host: step.host, command: step.command }, true);
    return rt;
  }

  get trace(): TraceLog {
    return this.sim.trace;
  }

  /**
   * Keep full trace detail for at least the most recent `keep` events and summarise older ones
   * (traceChunks.ts), never those from `pin` on. Nothing is derived from what is let go: the
   * device counters are the devices' own (Netdev.stats).
   */
  boundTrace(keep: number, pin = Infinity): void {
    this.sim.trace.bound(keep, pin);
  }

  /** Events from `seq` on are not yet read by a writer: keep them in full detail. */
  pinTrace(seq: number): void {
    this.sim.trace.pin(seq);
  }

  hostNames(): string[] {
    return [...this.net.hosts.keys()];
  }

  /** Run one command to completion (or until its max time, as Ctrl-C would), then settle. */
  exec(entry: CommandEntry, setup = false): CommandResult {
    const run = this.begin(entry, setup);
    run.advanceTo(run.startUs + (entry.maxTimeUs ?? DEFAULT_MAX_TIME_US));
    return run.interrupt();
  }

  /**
   * Start a command that runs only as far as it is advanced (a terminal's live command). Its
   * result is recorded when it ends by itself or is interrupted. One command at a time.
   */
  begin(entry: Omit<CommandEntry, 'maxTimeUs'>, setup = false, maxSteps?: number): RunningCommand {
    if (this.running && !this.running.done)
      throw new Error(`a command is still running on ${this.running.host}: interrupt it first`);
    const shell = this.shells.get(entry.host);
    if (!shell) throw new Error(`no host '${entry.host}' in lab ${this.def.id}`);
    const index = this.results.length;
    const io = new CommandIo(
      this,
      this.sim,
      entry.host,
      index,
      entry.command,
      this.sim.now,
      this.sim.trace.length,
      setup,
    );
    this.sim.emitFixed(CMD_START, entry.host, entry.command, index);
    const run = new RunningCommand(this.sim, entry.host, entry.command, io.start, io, io.o, maxSteps);
    this.current = io;
    this.running = run;
    const bg = startBackgroundTcpdump(this.net.host(entry.host), this.net, entry.command, this.captureSink);
    const nc =
      bg.kind === 'not-background'
        ? startBackgroundNc(this.net.host(entry.host), entry.command, etcHosts, this.background)
        : NOT_BACKGROUND_NC;
    if (nc.kind === 'started') {
      this.listeners.push(nc.handle);
      run.endNow(0);
    } else if (nc.kind === 'failed') {
      io.err(nc.stderr);
      run.endNow(nc.exit);
    } else if (bg.kind === 'started') {
      this.captures.push(bg.capture);
      io.err(bg.stderr);
      run.endNow(0);
    } else if (bg.kind === 'failed') {
      io.out(bg.stdout);
      io.err(bg.stderr);
      run.endNow(bg.exit);
    } else run.attach(shell.run(entry.command, io, run.isInterrupted));
    return run;
  }

  /** The command ended: deliver what is in flight, then record its result (CommandIo.ended). */
  recordEnd(begun: CommandIo, run: RunningCommand, exit: number, interrupted: boolean): CommandResult {
    const err = begun.err;
    settle(this.sim);
    if (run.capped) err(WORK_CAP_NOTE);
    this.reapCaptures(err);
    this.current = undefined;
    this.running = undefined;
    this.sim.emitFixed(CMD_END, begun.host, begun.index, exit, interrupted);
    // One literal in the spread's key order (a spread here took the slow path at every lab start).
    const result: CommandResult = {
      index: begun.index,
      host: begun.host,
      command: begun.command,
      start: begun.start,
      traceFrom: begun.traceFrom,
      setup: begun.setup,
      stdout: run.output.stdout,
      stderr: run.output.stderr,
      exit,
      end: this.sim.now,
      traceTo: this.sim.trace.length,
      interrupted,
    };
    this.results.push(result);
    return result;
  }

  /** Background captures that reached their -c count print tcpdump's summary and end. */
  private reapCaptures(err: (s: string) => void): void {
    for (let i = this.captures.length - 1; i >= 0; i--) {
      const c = this.captures[i]!;
      if (!c.handle.done) continue;
      err(`${c.handle.stop().join('\n')}\n`);
      this.captures.splice(i, 1);
    }
  }

  /** End of the session: stop the captures still running (as Ctrl-C would) and return their summaries. */
  finish(): string {
    let out = '';
    for (const c of this.captures.splice(0)) out += `${c.handle.stop().join('\n')}\n`;
    for (const l of this.listeners.splice(0)) l.interrupt();
    return out;
  }

  /** A host's sysctls as they stood after the first `cursor` trace events (read-only snapshot). */
  sysctlAt(host: string, cursor: number): Sysctl | undefined {
    const h = this.net.hosts.get(host);
    return h && sysctlAt(this.trace, cursor, host, h.sysctl);
  }

  /** The interactive shell of `host` (its prompt, folder and variables), for tests. */
  shellOf(host: string): Shell | undefined {
    return this.shells.get(host);
  }

  /** Does this text still need more lines (heredoc, `for … do` without `done`, trailing `\`)? */
  isComplete(host: string, source: string): boolean {
    return this.shells.get(host)?.isComplete(source) ?? true;
  }
}
