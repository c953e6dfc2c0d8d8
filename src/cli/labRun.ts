/** Test helper: run a transcript through the lab runner and read back its rows and trace. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './lvs-lab';

export interface LabRow {
  line: number;
  host: string;
  command: string;
  stdout: string;
  stderr: string;
  exit: number;
  time: number;
}

export interface LabRun {
  rows: LabRow[];
  trace: (Record<string, unknown> & { kind: string })[];
}

export function runLab(lab: string, transcript: string, extra: string[] = []): LabRun {
  const dir = mkdtempSync(join(tmpdir(), 'lab-run-'));
  try {
    const tracePath = join(dir, 'trace.json');
    let out = '';
    main(['--lab', lab, '--json', '--trace', tracePath, ...extra, transcript], (s) => (out += s));
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as LabRow);
    const trace = JSON.parse(readFileSync(tracePath, 'utf8')) as LabRun['trace'];
    return { rows, trace };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const fixture = (name: string): string => join(__dirname, 'fixtures', name);
