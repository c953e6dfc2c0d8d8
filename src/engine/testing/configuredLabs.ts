import type { LabRuntime } from '../runtime/labRuntime';
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

/**
 * A configured lab that has run `before` and then served one request (`curl -s VIP` on the
 * client): the runtime the UI's model tests read traces from.
 */
export function labAfterRequest(labId: 'nat' | 'dr' | 'tun', before: [string, string][] = []): LabRuntime {
  const lab = new TestLab(labId, 1, true);
  for (const [host, command] of before) lab.exec(host, command);
  lab.exec('client', `curl -s ${lab.rt.def.vip}`);
  return lab.rt;
}
