import { expect } from 'vitest';
import type { TestLab } from '../testing/testLab';
import { scanFindings } from './scan';
import type { Finding } from './types';

/** Test support: the findings of a lab's whole trace, by kind, and commands that must succeed. */
export function findings(l: TestLab): Finding[] {
  return scanFindings(l.sim.trace).findings;
}

export const ofKind = (fs: Finding[], kind: string): Finding[] => fs.filter((f) => f.kind === kind);

export function run(l: TestLab, host: string, ...commands: string[]): void {
  for (const c of commands) expect(l.exec(host, c, 10).exit, c).toBe(0);
}
