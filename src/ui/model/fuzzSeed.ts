import { execSync } from 'node:child_process';

/** The seed of a fuzz test: FUZZ_SEED, else the commit hash (test helper; node only). */
export function fuzzSeed(): number {
  const env = process.env.FUZZ_SEED;
  if (env) return Number(env);
  try {
    return parseInt(
      execSync('git rev-parse HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .slice(0, 8),
      16,
    );
  } catch {
    return 10;
  }
}

/** Run a fast-check property, naming the seed in the error when it fails. */
export function withSeed(run: (seed: number) => void): void {
  const seed = fuzzSeed();
  try {
    run(seed);
  } catch (e) {
    throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
  }
}
