/**
 * The lab shell: one interactive bash session on a simulated host. Variables, functions, the
 * working folder and `$?` persist between `run` calls, as in a terminal.
 */
import { createBuiltins } from './builtins/registry';
import { CENTOS7_VM_COSTS, cpuAccount, dueUs } from './cpu';
import type { CpuCosts } from './cpu';
import { coreUtilities } from './coreutils/registry';
import { ExitSignal, InterruptSignal, LoopSignal, ReturnSignal, ShellSyntaxError } from './errors';
import { execSource } from './interpreter';
import { isResourceError, MAX_STRING_BYTES, OutOfMemory, SEGFAULT } from './limits';
import { Parser } from './parser';
import { baseName } from './paths';
import { input } from './runtime';
import type { Io, Runtime, Sink } from './runtime';
import { createState, getVar } from './state';
import type { ShellState } from './state';
import type { CommandImpl, ShellFs, ShellHost, Wait } from './types';
import { notifyJobs } from './jobs/jobBuiltins';
import { createJobTable } from './jobs/jobTable';
import type { JobDriver, JobTable } from './jobs/jobTable';

export interface ShellOptions {
  /** Starting folder (default /root). */
  cwd?: string;
  /** `$$` (default 1000); child shells count up from it. */
  pid?: number;
  /** Default output sinks, used when `run` is given none. */
  out?: Sink;
  err?: Sink;
  /** The programs every host has (default: coreutils). The host's commands take precedence. */
  utilities?: ReadonlyMap<string, CommandImpl>;
  /** Virtual CPU time charged for the shell's work (default: a CentOS 7 VM's, cpu.ts). */
  cpu?: CpuCosts;
  /** Runs background jobs (`cmd &`) beside the terminal; without it a job runs to its end first. */
  jobs?: JobDriver;
}

/** Where one `run` sends its output; what it reads; how it learns of Ctrl-C. */
export interface RunIo {
  out?: Sink;
  err?: Sink;
  stdin?: string;
  interrupted?: () => boolean;
}

export interface ShellResult {
  status: number;
  /** The command line ran `exit` at top level (a terminal would close). */
  exited: boolean;
  /** Ctrl-C ended it (status 130). */
  interrupted: boolean;
}

export interface Shell {
  /**
   * Run one command line (or several lines: a heredoc, a multi-line loop, a script pasted in).
   * Yields Waits for the driver; returns the exit status. Never throws.
   */
  run(source: string, io?: RunIo, interrupted?: () => boolean): Generator<Wait, ShellResult, void>;
  /** False while `source` needs more lines: open quote, heredoc, `for`/`if`/`case`/`{` without closer, trailing `\`. */
  isComplete(source: string): boolean;
  readonly cwd: string;
  readonly lastStatus: number;
  getVar(name: string): string | undefined;
  /** The prompt bash prints before a command (CentOS's PS1 `[\u@\h \W]\$ `): `[root@rs1 ~]# `. */
  prompt(): string;
}

/** The prompt for continuation lines (PS2). */
export const CONTINUATION_PROMPT = '> ';

const noop: Sink = () => undefined;

/** A command line as the terminal hands it to bash: ended by the Enter key. */
function asTyped(source: string): string {
  return source.endsWith('\n') ? source : source + '\n';
}

/** Whether source text is a complete command (see Shell.isComplete). */
export function isCompleteSource(source: string): boolean {
  const parser = new Parser(asTyped(source));
  try {
    while (parser.parseCompleteCommand()) {
      /* parse everything */
    }
  } catch (e) {
    if (e instanceof ShellSyntaxError) return !e.incomplete;
    return true;
  }
  return !parser.lexer.unterminatedHeredoc && !parser.lexer.danglingBackslash;
}

function isSignal(e: unknown): boolean {
  return (
    e instanceof ExitSignal ||
    e instanceof InterruptSignal ||
    e instanceof ReturnSignal ||
    e instanceof LoopSignal
  );
}

/** How a run that threw ended: `exit`, Ctrl-C, or (never expected) a bug. */
function unwound(e: unknown, io: Io): ShellResult {
  const result: ShellResult = { status: 1, exited: false, interrupted: false };
  if (e instanceof ExitSignal) {
    io.err('exit\n');
    return { ...result, status: e.status, exited: true };
  }
  if (e instanceof InterruptSignal) return { ...result, status: 130, interrupted: true };
  if (e instanceof ReturnSignal) return { ...result, status: e.status };
  if (e instanceof LoopSignal) return { ...result, status: 0 };
  // The shell itself died: out of memory (a string too long for the machine), or a crash
  // (recursion deeper than its stack), as bash dies of xrealloc or SIGSEGV.
  if (e instanceof OutOfMemory || (isResourceError(e) && !/call stack/i.test(e.message))) {
    io.err(e instanceof OutOfMemory ? e.message : new OutOfMemory(MAX_STRING_BYTES * 2).message);
    return { ...result, status: 2, exited: true };
  }
  io.err(SEGFAULT.message);
  return { ...result, status: SEGFAULT.status, exited: true };
}

/**
 * What createShell hands out. A class, not closures over createShell's scope: V8 (node 20)
 * keeps some per-call functions alive through young-generation GCs (a literal's getters; a
 * generator function made per shell, whose first call gives it an old-space initial map pointing
 * back at it), so every shell, and the lab it belongs to, was copied and promoted by each
 * scavenge (docs/architecture.md, "Closures and young-generation GC").
 */
class ShellHandle implements Shell {
  private readonly state: ShellState;
  private readonly builtins = createBuiltins();
  private readonly utilities: ReadonlyMap<string, CommandImpl>;
  private nextPid: number;
  private readonly jobs: JobTable;
  private lastSource = '';
  private lastTyped = '\n';

  constructor(
    private readonly host: ShellHost,
    private readonly fs: ShellFs,
    private readonly opts: ShellOptions,
  ) {
    const pid = opts.pid ?? 1000;
    this.state = createState({ cwd: opts.cwd ?? '/root', pid, hostname: host.hostname, arg0: 'bash' });
    this.utilities = opts.utilities ?? coreUtilities;
    this.nextPid = pid + 1;
    this.jobs = createJobTable(this.state, { out: noop, err: noop }, opts.jobs);
  }

  *run(source: string, runIo: RunIo = {}, interrupted?: () => boolean): Generator<Wait, ShellResult, void> {
    const { host, fs, opts, state, jobs } = this;
    const io: Io = {
      stdin: input(runIo.stdin ?? ''),
      out: runIo.out ?? opts.out ?? noop,
      err: runIo.err ?? opts.err ?? noop,
    };
    const sched = {
      subStatus: undefined,
      nextPid: this.nextPid,
      cpu: cpuAccount(opts.cpu ?? CENTOS7_VM_COSTS),
    };
    const rt: Runtime = {
      host,
      fs,
      state,
      interrupted: interrupted ?? runIo.interrupted ?? (() => false),
      sched,
      builtins: this.builtins,
      utilities: this.utilities,
      exec: execSource,
      tty: io,
      jobs,
    };
    // A background job prints on the terminal, in whatever command line is running there.
    jobs.terminal = io;
    state.depth = 0;
    state.loops = 0;
    state.conditional = 0;
    state.returnable = 0;
    // Copies never share it (cloneState), so an empty one is as good as a new one.
    if (state.localFrames.length !== 0) state.localFrames = [];
    let result: ShellResult;
    let died = false;
    try {
      const status = yield* execSource(rt, this.typed(source), io);
      result = { status, exited: false, interrupted: false };
    } catch (e) {
      result = unwound(e, io);
      died = !isSignal(e);
    }
    // Before the prompt, bash reports the background jobs that have finished.
    if (!died && !result.exited) notifyJobs(rt);
    // The CPU time of the last steps passes before the prompt comes back.
    const rest = result.interrupted ? 0 : dueUs(sched.cpu, true);
    if (rest > 0) yield { kind: 'sleep', us: rest };
    this.nextPid = sched.nextPid;
    // A shell that died is gone; the terminal logs in again to a fresh one.
    if (died) {
      const fresh = createState({
        cwd: opts.cwd ?? '/root',
        pid: this.nextPid++,
        hostname: host.hostname,
        arg0: 'bash',
      });
      Object.assign(state, fresh);
      jobs.jobs = [];
    }
    state.lastStatus = result.status;
    return result;
  }

  /** asTyped(source), kept for the source typed last: the lab runner types the same line again and again. */
  private typed(source: string): string {
    if (source !== this.lastSource) {
      this.lastSource = source;
      this.lastTyped = asTyped(source);
    }
    return this.lastTyped;
  }

  isComplete(source: string): boolean {
    return isCompleteSource(source);
  }

  get cwd(): string {
    return this.state.cwd;
  }

  get lastStatus(): number {
    return this.state.lastStatus;
  }

  getVar(name: string): string | undefined {
    return getVar(this.state, name);
  }

  prompt(): string {
    const home = getVar(this.state, 'HOME') ?? '/root';
    const cwd = this.state.cwd;
    const dir = cwd === home ? '~' : cwd === '/' ? '/' : baseName(cwd);
    return `[root@${this.host.hostname.split('.')[0] ?? ''} ${dir}]# `;
  }
}

export function createShell(host: ShellHost, fs: ShellFs, opts: ShellOptions = {}): Shell {
  return new ShellHandle(host, fs, opts);
}
