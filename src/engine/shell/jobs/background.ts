/**
 * `cmd &`: fork a copy of the shell that runs the command while the terminal goes on. bash's
 * interactive shell prints `[1] PID` on standard error; `$!` becomes the PID. The job's output
 * goes to the terminal: to whichever command line is running there when it prints.
 */
import type { AndOr } from '../ast';
import { cpuAccount } from '../cpu';
import { ExitSignal, InterruptSignal } from '../errors';
import { input } from '../runtime';
import type { Gen, Io, Runtime, Sink } from '../runtime';
import type { Wait } from '../types';
import { andOrText } from './jobText';
import { nextJobId } from './jobTable';
import type { Job } from './jobTable';

/** Status of a process ended by a signal, and the word bash reports it with. */
export const SIGNALS: Record<string, { num: number; word: string }> = {
  HUP: { num: 1, word: 'Hangup' },
  INT: { num: 2, word: 'Interrupt' },
  QUIT: { num: 3, word: 'Quit' },
  KILL: { num: 9, word: 'Killed' },
  TERM: { num: 15, word: 'Terminated' },
};

/** Send `sig` to a job: it unwinds at once (its `finally` blocks run) and ends with 128+N. */
export function signalJob(job: Job, sig: string): void {
  if (job.status !== undefined || job.killed) return;
  job.killed = true;
  job.signal = SIGNALS[sig]?.word ?? 'Terminated';
  job.signalStatus = 128 + (SIGNALS[sig]?.num ?? 15);
  // The process dies when it next runs, after `kill` has returned (bash reports it at the next prompt).
  job.wake();
}

/** Whether `rt` runs in the terminal's own shell (not a subshell or script): it reports jobs. */
export function isTerminalShell(rt: Runtime): boolean {
  return rt.state === rt.jobs.owner && rt.state.mode.kind === 'interactive';
}

function terminalSink(rt: Runtime, sink: Sink, which: 'out' | 'err'): Sink {
  if (sink !== rt.tty[which]) return sink;
  return (s) => rt.jobs.terminal[which](s);
}

/** Start `ao` in the background. Without a driver (a bare test shell) it runs to its end first. */
export function* startJob(
  rt: Runtime,
  ao: AndOr,
  io: Io,
  runInSubshell: (rt: Runtime, io: Io) => Gen<number>,
): Gen<void> {
  const table = rt.jobs;
  const pid = rt.sched.nextPid++;
  const job: Job = {
    owner: rt.state,
    id: nextJobId(table, rt.state),
    pid,
    text: andOrText(ao),
    killed: false,
    wake: () => undefined,
  };
  const jrt: Runtime = {
    ...rt,
    interrupted: () => job.killed,
    sched: { subStatus: undefined, nextPid: pid + 1, cpu: cpuAccount(rt.sched.cpu.costs) },
  };
  const jio: Io = {
    stdin: input(''),
    out: terminalSink(rt, io.out, 'out'),
    err: terminalSink(rt, io.err, 'err'),
  };
  rt.state.lastBgPid = pid;
  table.jobs.push(job);
  if (isTerminalShell(rt)) io.err(`[${job.id}] ${pid}\n`);
  const body = runJob(job, jrt, jio, runInSubshell);
  if (!table.driver) {
    yield* body;
    return;
  }
  job.wake = table.driver.start(body).wake;
}

/** Module level: a generator made per job has its own prototype, so a new hidden class per job. */
function* runJob(
  job: Job,
  jrt: Runtime,
  jio: Io,
  runInSubshell: (rt: Runtime, io: Io) => Gen<number>,
): Generator<Wait, void, void> {
  let status: number;
  try {
    status = yield* runInSubshell(jrt, jio);
  } catch (e) {
    // Ctrl-C in the job's own run (a signal) or a crash of its copy of the shell.
    status = e instanceof ExitSignal ? e.status : e instanceof InterruptSignal ? 130 : 139;
  }
  job.status = job.signalStatus ?? status;
}
