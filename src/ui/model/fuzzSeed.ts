import { fuzzSeed } from '@/embed/fuzzSeed';

export { fuzzSeed };

/** Run a fast-check property, naming the seed in the error when it fails. */
export function withSeed(run: (seed: number) => void): void {
  const seed = fuzzSeed();
  try {
    run(seed);
  } catch (e) {
    throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
  }
}
