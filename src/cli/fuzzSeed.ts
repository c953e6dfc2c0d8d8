/** The fuzz seed: FUZZ_SEED from the environment, else the first 8 hex digits of the commit hash. */
import { execSync } from 'node:child_process';

export function fuzzSeed(): number {
  const env = process.env['FUZZ_SEED'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  try {
    return parseInt(execSync('git rev-parse HEAD', { encoding: 'utf8' }).slice(0, 8), 16) | 0;
  } catch {
    return 20190805;
  }
}
