/** A lab plus a `run(host, line)` helper over every host's network tools, for tests. */
import { TestLab } from '../../../testing/testLab';
import type { CommandImpl } from '../../types';
import { networkCommands } from '../registry';
import { runLine } from './runTool';
import type { RunOptions, ToolRun } from './runTool';

export class LabShell {
  readonly lab: TestLab;
  private readonly tables = new Map<string, Map<string, CommandImpl>>();

  constructor(id: 'nat' | 'dr' | 'tun', seed = 1) {
    this.lab = new TestLab(id, seed);
  }

  commands(host: string): Map<string, CommandImpl> {
    let t = this.tables.get(host);
    if (!t) {
      t = networkCommands(this.lab.host(host), this.lab.net);
      this.tables.set(host, t);
    }
    return t;
  }

  run(host: string, line: string, o: RunOptions = {}): ToolRun {
    return runLine(this.lab.net, host, this.commands(host), line, o);
  }

  /** Run and expect success; returns stdout. */
  ok(host: string, line: string): string {
    const r = this.run(host, line);
    if (r.status !== 0) throw new Error(`${host}# ${line} failed (${r.status}): ${r.err}`);
    return r.out;
  }
}
