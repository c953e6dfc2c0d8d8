import { TestLab } from './testLab';

/**
 * The labs' configured states (docs/linux-behaviour.md, "The labs"): each lab's configure steps typed into its shells, through
 * the production command driver, as the browser and the CLI do.
 */
export function configuredNat(seed = 1): TestLab {
  return new TestLab('nat', seed, true);
}

export function configuredDr(seed = 1): TestLab {
  return new TestLab('dr', seed, true);
}

export function configuredTun(seed = 1): TestLab {
  return new TestLab('tun', seed, true);
}
