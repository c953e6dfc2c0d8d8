import { execSync } from 'node:child_process';

/**
 * The fuzz seed: FUZZ_SEED if set, else derived from the commit under test, so CI explores
 * new inputs on every commit and any failure reproduces with FUZZ_SEED=<printed seed>.
 */
export function fuzzSeed(): number {
  const env = process.env['FUZZ_SEED'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env) >>> 0;
  let head = '0';
  try {
    head = execSync('git rev-parse HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    // Not a git checkout (a tarball): a fixed seed.
  }
  return parseInt(head.slice(0, 8), 16) >>> 0 || 20190805;
}
