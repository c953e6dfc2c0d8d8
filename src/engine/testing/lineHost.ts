/**
 * The fuzz layer of the harness: one lab host, made ready once, on which every line starts as on
 * that host just made ready: a new login shell (TestLab.freshShell), and the files, folders,
 * permission bits and sysctls put back as they were. Lines run through the production shell and
 * command driver (TestLab.sh); a lab per line would cost minutes over the interpreter fuzz's
 * 12,000 lines, a reset costs microseconds.
 */
import type { Host } from '../stack/host';
import { DIRECTOR_ONLY } from './director';
import { TestLab } from './testLab';
import type { ShellRun, ShellRunOptions } from './testLab';

interface Saved {
  files: Map<string, string>;
  dirs: Set<string>;
  modes: Map<string, number>;
  sysctl: Map<string, number | undefined>;
}

function save(h: Host): Saved {
  return {
    files: new Map(h.files),
    dirs: new Set(h.dirs),
    modes: new Map(h.modes),
    sysctl: new Map(h.sysctl.keys().map((k) => [k, h.sysctl.get(k)])),
  };
}

function putBack<K, V>(live: Map<K, V>, saved: Map<K, V>): void {
  live.clear();
  for (const [k, v] of saved) live.set(k, v);
}

/** Sysctl writes are in the trace (sysctl.set), so the hundreds of keys are compared only after one. */
function restore(h: Host, s: Saved, sysctlWritten: boolean): void {
  putBack(h.files, s.files);
  putBack(h.modes, s.modes);
  h.dirs.clear();
  for (const d of s.dirs) h.dirs.add(d);
  if (!sysctlWritten) return;
  for (const [k, v] of s.sysctl) if (v !== undefined && h.sysctl.get(k) !== v) h.sysctl.set(k, v);
}

export class LineHost {
  /** A one-host lab (testing/director.ts); `host` names its only host. */
  readonly lab = new TestLab(DIRECTOR_ONLY);
  readonly host = 'director';
  private readonly saved: Saved;

  /** `prepare` makes the host ready (files, stub programs); every line then starts from that state. */
  constructor(prepare: (lab: TestLab, host: string) => void = () => undefined) {
    prepare(this.lab, this.host);
    this.saved = save(this.lab.host(this.host));
  }

  /** One line on the host as prepared, through a new login shell. */
  run(line: string, o: ShellRunOptions = {}): ShellRun {
    // Earlier lines' results and trace are forgotten too: each line is read from its own result,
    // and a runaway line's thousands of output events would otherwise pile up over the run.
    const trace = this.lab.sim.trace;
    let sysctlWritten = false;
    for (let i = 0; i < trace.length && !sysctlWritten; i++) sysctlWritten = trace.kindAt(i) === 'sysctl.set';
    this.lab.rt.results.length = 0;
    trace.truncate(0);
    restore(this.lab.host(this.host), this.saved, sysctlWritten);
    this.lab.freshShell(this.host);
    return this.lab.sh(this.host, line, o);
  }

  /** Does `source` still need more lines, as the host's shell reads it? */
  isComplete(source: string): boolean {
    return this.lab.shell(this.host).isComplete(source);
  }
}
