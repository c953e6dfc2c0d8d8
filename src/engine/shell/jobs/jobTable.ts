/**
 * The shell's background jobs (`cmd &`), as bash keeps them: numbered from 1, `+` marks the
 * newest (the current job), `-` the one before; a finished job is reported once (`[1]+  Done`)
 * and then forgotten. A job runs beside the terminal's command, driven by whoever gave the shell
 * its `JobDriver` (the lab drives it on the simulation's clock).
 */
import type { Sink } from '../runtime';
import type { ShellState } from '../state';
import type { Wait } from '../types';

/** Lets a background job's generator run as virtual time passes, beside the foreground. */
export interface JobDriver {
  /** Start driving `gen`; `wake()` resumes it at once (a signal arrived while it waited). */
  start(gen: Generator<Wait, void, void>): { wake(): void };
}

export interface Job {
  /** The shell (terminal, script, subshell) that started it: only there is it a job. */
  owner: ShellState;
  id: number;
  pid: number;
  /** The command as bash prints it (`sleep 1`, `( exit 3 )`). */
  text: string;
  /** Exit status once ended. */
  status?: number;
  /** The signal that ended it (`Terminated`, `Killed`, `Interrupt`). */
  signal?: string;
  /** A signal was sent: the job unwinds at its next step, then ends with `signalStatus`. */
  killed: boolean;
  signalStatus?: number;
  wake: () => void;
}

export interface JobTable {
  /** Every shell's jobs, oldest first; each shell sees its own (`ownJobs`). */
  jobs: Job[];
  /** The terminal shell's state: jobs started from it are its jobs. */
  owner: ShellState;
  /** Where the terminal's output goes now: the command line running, or the last one. */
  terminal: { out: Sink; err: Sink };
  driver?: JobDriver;
}

export function createJobTable(
  owner: ShellState,
  terminal: JobTable['terminal'],
  driver?: JobDriver,
): JobTable {
  return driver ? { jobs: [], owner, terminal, driver } : { jobs: [], owner, terminal };
}

export const isDone = (j: Job): boolean => j.status !== undefined;

export function ownJobs(t: JobTable, owner: ShellState): Job[] {
  return t.jobs.filter((j) => j.owner === owner);
}

/** The job number for a new job: one more than the highest still known, as bash counts. */
export function nextJobId(t: JobTable, owner: ShellState): number {
  return ownJobs(t, owner).reduce((m, j) => Math.max(m, j.id), 0) + 1;
}

/** `+` for the current (newest) job, `-` for the previous, else a blank. */
export function marker(t: JobTable, j: Job): string {
  const mine = ownJobs(t, j.owner);
  const n = mine.length;
  if (mine[n - 1] === j) return '+';
  if (mine[n - 2] === j) return '-';
  return ' ';
}

function stateWord(j: Job): string {
  if (!isDone(j)) return 'Running';
  if (j.signal) return j.signal;
  return j.status === 0 ? 'Done' : `Exit ${j.status ?? 0}`;
}

/** One line of `jobs` or of a completion notice: `[1]+  Done                    sleep 1`. */
export function jobLine(t: JobTable, j: Job, withPid = false): string {
  const head = `[${j.id}]${marker(t, j)} `;
  const pid = withPid ? `${String(j.pid).padStart(5)} ` : ' ';
  const tail = isDone(j) ? j.text : `${j.text} &`;
  return `${head}${pid}${stateWord(j).padEnd(24)}${tail}\n`;
}

/** Lines for `owner`'s finished jobs, which are then forgotten (bash's notify_and_cleanup). */
export function reapNotices(t: JobTable, owner: ShellState): string {
  // Asked after every command line; with no job at all (nearly always) there is nothing to filter.
  if (t.jobs.length === 0) return '';
  let text = '';
  for (const j of ownJobs(t, owner)) if (isDone(j)) text += jobLine(t, j);
  dropDone(t, owner);
  return text;
}

/** Forget `owner`'s finished jobs without a word. */
export function dropDone(t: JobTable, owner: ShellState): void {
  t.jobs = t.jobs.filter((j) => j.owner !== owner || !isDone(j));
}

/**
 * A job by bash's jobspec: `%N`, `%%`, `%+`, `%-`, `%NAME` (command starts with NAME), or (with
 * `byPid`) a plain process id. Undefined when there is no such job.
 */
export function findJob(t: JobTable, owner: ShellState, spec: string): Job | undefined {
  const mine = ownJobs(t, owner);
  const n = mine.length;
  if (spec === '%%' || spec === '%+' || spec === '%') return mine[n - 1];
  if (spec === '%-') return mine[n - 2] ?? mine[n - 1];
  if (/^%[0-9]+$/.test(spec)) return mine.find((j) => j.id === Number(spec.slice(1)));
  if (spec.startsWith('%')) return mine.find((j) => j.text.startsWith(spec.slice(1)));
  if (/^[0-9]+$/.test(spec)) return mine.find((j) => j.pid === Number(spec));
  return undefined;
}
