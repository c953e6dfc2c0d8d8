/**
 * The ipvsadm tests' lab: one director (eth0 192.168.0.1/24 on segment `lan`) on the one test
 * harness, with ipvsadm, ipvsadm-save and ipvsadm-restore typed into its shell.
 */
import type { LabDefinition } from '../labs/labTypes';
import { TestLab } from './testLab';

export const DIRECTOR_ONLY: LabDefinition = {
  id: 'nat',
  segments: [{ name: 'lan', subnet: '192.168.0.0/24' }],
  hosts: [
    {
      name: 'director',
      role: 'director',
      ifaces: [{ dev: 'eth0', addr: '192.168.0.1', prefix: 24, segment: 'lan' }],
    },
  ],
  vip: '192.168.0.100',
  vport: 80,
  rport: 80,
  configure: [],
};

export interface RunResult {
  out: string;
  err: string;
  code: number;
}

export class Director {
  readonly lab: TestLab;

  constructor(seed = 1) {
    this.lab = new TestLab(DIRECTOR_ONLY, seed);
  }

  get sim() {
    return this.lab.sim;
  }

  get net() {
    return this.lab.net;
  }

  get host() {
    return this.lab.host('director');
  }

  /** The director's files (what ipvsadm reads, such as /etc/hosts). */
  get files(): Map<string, string> {
    return this.host.files;
  }

  private run(argv: readonly string[], stdin?: string): RunResult {
    const r = this.lab.sh('director', argv, stdin !== undefined ? { stdin } : {});
    return { out: r.out, err: r.err, code: r.status };
  }

  /** `line` is split on blanks; pass an array for words that contain blanks. */
  ipvsadm(line: string | string[], stdin?: string): RunResult {
    const argv = typeof line === 'string' ? ['ipvsadm', ...line.split(/\s+/).filter((w) => w !== '')] : line;
    return this.run(argv, stdin);
  }

  save(...args: string[]): RunResult {
    return this.run(['ipvsadm-save', ...args]);
  }

  restore(stdin: string): RunResult {
    return this.run(['ipvsadm-restore'], stdin);
  }

  /** Run each line, failing loudly on any error: for setting up a table. */
  setup(...lines: string[]): this {
    for (const l of lines) {
      const r = this.ipvsadm(l);
      if (r.code !== 0 || r.err !== '') throw new Error(`setup "${l}": ${r.code} ${r.err}`);
    }
    return this;
  }
}
