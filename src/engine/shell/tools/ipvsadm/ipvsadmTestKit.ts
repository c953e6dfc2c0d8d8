/**
 * Test harness for ipvsadm: a director host on a fresh simulation and a way to run the commands
 * with a fake process context, collecting stdout, stderr and the exit status.
 */
import { Sim } from '../../../core/sim';
import { Network } from '../../../stack/network';
import type { Host } from '../../../stack/host';
import type { CommandContext, CommandImpl, ShellFs } from '../../types';
import { ipvsadmCommand, ipvsadmRestoreCommand, ipvsadmSaveCommand } from './ipvsadm';

export interface RunResult {
  out: string;
  err: string;
  code: number;
}

function memoryFs(files: Map<string, string>): ShellFs {
  return {
    read: (p) => files.get(p),
    write: (p, data, append) => {
      files.set(p, (append ? (files.get(p) ?? '') : '') + data);
      return undefined;
    },
    exists: (p) => files.has(p),
    isDir: () => false,
  };
}

export function runCommand(
  impl: CommandImpl,
  argv: string[],
  stdin = '',
  files = new Map<string, string>(),
): RunResult {
  let out = '';
  let err = '';
  const ctx: CommandContext = {
    argv,
    stdin,
    out: (s) => (out += s),
    err: (s) => (err += s),
    env: new Map(),
    fs: memoryFs(files),
    host: { hostname: 'director', now: () => 0, commands: new Map() },
    cwd: '/root',
    interrupted: () => false,
  };
  const gen = impl(ctx);
  let step = gen.next();
  while (!step.done) step = gen.next();
  return { out, err, code: step.value };
}

/** A director with eth0 192.168.0.1/24 on segment `lan`, plus the three commands. */
export class Director {
  readonly sim: Sim;
  readonly net: Network;
  readonly host: Host;
  readonly files = new Map<string, string>();

  constructor(seed = 1) {
    this.sim = new Sim(seed);
    this.net = new Network(this.sim);
    this.host = this.net.addHost('director');
    this.net.attach(this.host, 'eth0', 'lan');
    this.host.addAddress('eth0', '192.168.0.1', 24);
  }

  /** `line` is split on blanks; pass an array for words that contain blanks. */
  ipvsadm(line: string | string[], stdin = ''): RunResult {
    const argv = typeof line === 'string' ? ['ipvsadm', ...line.split(/\s+/).filter((w) => w !== '')] : line;
    return runCommand(ipvsadmCommand(this.host), argv, stdin, this.files);
  }

  save(...args: string[]): RunResult {
    return runCommand(ipvsadmSaveCommand(this.host), ['ipvsadm-save', ...args], '', this.files);
  }

  restore(stdin: string): RunResult {
    return runCommand(ipvsadmRestoreCommand(this.host), ['ipvsadm-restore'], stdin, this.files);
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
