/**
 * The lab runner's young generation (docs/architecture.md, "The lab runner's heap"). A request
 * allocates ~23 KB and the bounded trace keeps the current chunks' objects alive, so with V8's
 * default semi-space (16 MB on 64-bit node 20) every scavenge copies those survivors again;
 * 32 MB lets most of a request's garbage die before a scavenge runs (figures in the doc).
 *
 * V8 fixes the young generation's largest size when the isolate starts: `v8.setFlagsFromString`
 * at run time leaves it as it was (measured), and `#!/usr/bin/env -S node …` is not portable. So
 * the runner's entry runs itself again, once, in a child Node with the flag, and passes on its
 * exit status; the benchmarks start their runner children with the same flags from here.
 */
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { constants } from 'node:os';

/** Largest semi-space, MB (V8's `--max-semi-space-size`); the young generation is three of them. */
export const RUNNER_SEMI_SPACE_MB = 32;

/** The Node flags the lab runner runs with. */
export const RUNNER_NODE_FLAGS: readonly string[] = [`--max-semi-space-size=${RUNNER_SEMI_SPACE_MB}`];

/** Set in the child's environment, so a Node that dropped the flag cannot relaunch for ever. */
const RELAUNCHED = 'LVS_LAB_HEAP_RELAUNCHED';

const SEMI_SPACE_FLAG = /^--max[-_]semi[-_]space[-_]size(=|$)/;

/**
 * Whether this Node already has a semi-space size of someone's choosing (its command line or
 * NODE_OPTIONS): then the runner keeps it, a user's own setting included.
 */
export function heapChosen(
  execArgv: readonly string[] = process.execArgv,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env[RELAUNCHED] === '1') return true;
  const fromOptions = (env.NODE_OPTIONS ?? '').split(/\s+/);
  return [...execArgv, ...fromOptions].some((a) => SEMI_SPACE_FLAG.test(a));
}

type Spawn = (cmd: string, args: readonly string[], opts: object) => SpawnSyncReturns<Buffer>;

/**
 * Runs this script again with RUNNER_NODE_FLAGS (the same Node, its own flags such as tsx's
 * loader, the same arguments, standard input, output and error) and returns its exit status; or
 * undefined when this process should run the lab itself: its heap is already chosen, or the
 * child could not start (the runner then runs with the default heap rather than not at all).
 */
export function relaunchWithRunnerHeap(
  argv: readonly string[] = process.argv,
  spawn: Spawn = spawnSync,
): number | undefined {
  if (heapChosen()) return undefined;
  const r = spawn(process.execPath, [...process.execArgv, ...RUNNER_NODE_FLAGS, ...argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [RELAUNCHED]: '1' },
  });
  if (r.error) return undefined;
  // A child killed by a signal: end this process the same way, as a shell would see it.
  if (r.signal) {
    process.kill(process.pid, r.signal);
    return 128 + (constants.signals[r.signal] ?? 0);
  }
  return r.status ?? 1;
}
