/** bash's job builtins: `jobs`, `wait`, `kill`, `fg`, with bash's words for every mistake. */
import { shellError, wait as waitFor } from '../runtime';
import type { Builtin, Runtime } from '../runtime';
import { isTerminalShell, signalJob, SIGNALS } from './background';
import { dropDone, findJob, isDone, jobLine, ownJobs, reapNotices } from './jobTable';
import type { Job } from './jobTable';

/* eslint-disable require-yield -- builtins share the generator signature */

/** The finished jobs' notices, on the terminal's standard error (bash's notify_and_cleanup). */
export function notifyJobs(rt: Runtime): void {
  if (!isTerminalShell(rt)) return;
  const text = reapNotices(rt.jobs, rt.state);
  if (text !== '') rt.tty.err(text);
}

function* waitJob(rt: Runtime, job: Job) {
  if (!isDone(job)) yield* waitFor(rt, { kind: 'until', done: () => isDone(job) });
  return job.status ?? 0;
}

export const jobsBuiltin: Builtin = function* (rt, argv, io) {
  let long = false;
  let pids = false;
  const specs: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^-[lp]+$/.test(a)) {
      long ||= a.includes('l');
      pids ||= a.includes('p');
    } else if (a.startsWith('-') && a !== '-') {
      shellError(rt, io, `jobs: ${a.slice(0, 2)}: invalid option`);
      io.err('jobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n');
      return 2;
    } else specs.push(a);
  }
  const t = rt.jobs;
  let status = 0;
  const chosen: Job[] = [];
  for (const s of specs) {
    const j = findJob(t, rt.state, s);
    if (j) chosen.push(j);
    else {
      shellError(rt, io, `jobs: ${s}: no such job`);
      status = 1;
    }
  }
  for (const j of specs.length > 0 ? chosen : ownJobs(t, rt.state))
    io.out(pids ? `${j.pid}\n` : jobLine(t, j, long));
  if (!pids) dropDone(t, rt.state);
  return status;
};

export const waitBuiltin: Builtin = function* (rt, argv, io) {
  const t = rt.jobs;
  const args = argv.slice(1);
  if (args.length === 0) {
    const running = ownJobs(t, rt.state).filter((j) => !isDone(j));
    if (running.length === 0) {
      dropDone(t, rt.state);
      return 0;
    }
    for (const j of running) yield* waitJob(rt, j);
    afterWait(rt);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const job = findJob(t, rt.state, a);
    if (job) status = yield* waitJob(rt, job);
    else if (a.startsWith('%')) {
      shellError(rt, io, `wait: ${a}: no such job`);
      status = 127;
    } else if (/^[0-9]+$/.test(a)) {
      shellError(rt, io, `wait: pid ${a} is not a child of this shell`);
      status = 127;
    } else {
      shellError(rt, io, `wait: \`${a}': not a pid or valid job spec`);
      status = 1;
    }
  }
  afterWait(rt);
  return status;
};

/** The terminal reports the jobs waited for; a script just forgets them. */
function afterWait(rt: Runtime): void {
  if (isTerminalShell(rt)) notifyJobs(rt);
  else dropDone(rt.jobs, rt.state);
}

const KILL_USAGE =
  'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

/** `-9`, `-KILL`, `-SIGKILL`, `TERM` … as a signal name, or undefined. */
function signalName(s: string): string | undefined {
  const up = s.toUpperCase().replace(/^SIG/, '');
  if (SIGNALS[up]) return up;
  return Object.keys(SIGNALS).find((k) => String(SIGNALS[k]?.num) === s);
}

export const killBuiltin: Builtin = function* (rt, argv, io) {
  const args = argv.slice(1);
  let sig = 'TERM';
  if (args[0] === '-l') {
    io.out(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t15) SIGTERM\n');
    return 0;
  }
  if (args[0] === '-s' || args[0] === '-n') {
    const name = signalName(args[1] ?? '');
    if (!name) {
      shellError(
        rt,
        io,
        args[1] === undefined
          ? `kill: ${args[0]}: option requires an argument`
          : `kill: ${args[1]}: invalid signal specification`,
      );
      return 1;
    }
    sig = name;
    args.splice(0, 2);
  } else if (args[0] !== undefined && /^-./.test(args[0]) && args[0] !== '--') {
    const name = signalName(args[0].slice(1));
    if (!name) {
      shellError(rt, io, `kill: ${args[0].slice(1)}: invalid signal specification`);
      return 1;
    }
    sig = name;
    args.shift();
  }
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    io.err(KILL_USAGE);
    return 2;
  }
  let status = 0;
  for (const a of args) {
    const job = findJob(rt.jobs, rt.state, a);
    if (job) signalJob(job, sig);
    else {
      status = 1;
      if (a.startsWith('%')) shellError(rt, io, `kill: ${a}: no such job`);
      else if (/^-?[0-9]+$/.test(a)) shellError(rt, io, `kill: (${a}) - No such process`);
      else shellError(rt, io, `kill: ${a}: arguments must be process or job IDs`);
    }
  }
  return status;
};

/** `fg [%N]`: print the job's command and wait for it; Ctrl-C then ends the job. */
export const fgBuiltin: Builtin = function* (rt, argv, io) {
  const t = rt.jobs;
  const spec = argv[1] ?? '%+';
  const job = findJob(t, rt.state, spec);
  if (!job || !isTerminalShell(rt)) {
    if (!isTerminalShell(rt)) shellError(rt, io, 'fg: no job control');
    else shellError(rt, io, `fg: ${argv[1] ?? 'current'}: no such job`);
    return 1;
  }
  io.out(`${job.text}\n`);
  try {
    yield* waitJob(rt, job);
  } finally {
    if (!isDone(job)) signalJob(job, 'INT');
    t.jobs = t.jobs.filter((j) => j !== job);
  }
  return job.status ?? 0;
};
