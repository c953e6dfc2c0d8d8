/**
 * For tests of the lab runner: run command lines through `main` with --json in a temporary
 * folder (removed after the file's tests) and read back one row per command.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { main } from './lvs-lab';

/** A hang check, not a benchmark: generous on a loaded machine. */
export const HANG_MS = 180_000;

export interface Row {
  command: string;
  stdout: string;
  stderr: string;
  exit: number;
  time: number;
}

export function labRunner(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** `lines` as a transcript ("client# …"), with the runner's `args`; the runner must exit 0. */
  const runLines = (lines: string[], args: string[] = []): Row[] => {
    const file = join(dir, `t${n++}.txt`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    let out = '';
    expect(main(['--json', ...args, file], (s) => (out += s))).toBe(0);
    return out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Row);
  };
  return { dir, runLines };
}
