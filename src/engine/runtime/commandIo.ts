/**
 * One command's output while it runs: what of it the terminal keeps (OUTPUT_KEPT per stream) and
 * the `cmd.out` events it becomes; LabRuntime (labRuntime.ts) makes one per command and records
 * its result when it ends.
 */
import type { Sim } from '../core/sim';
import { CMD_OUT } from './cmdEventKinds';
import type { CmdOutEvent, CommandResult, LabRuntime } from './labRuntime';
import type { CommandEnding, CommandOutput, RunningCommand } from './runningCommand';

/**
 * What a terminal keeps of one command's output, per stream: the first 1 MiB. A command may
 * print far more (it is charged for every byte, docs/virtual-cpu-time.md); the rest scrolls
 * past unrecorded.
 */
export const OUTPUT_KEPT = 1 << 20;

/**
 * What of `more` is kept after `shown`. Only the new piece is cut and handed on: slicing the
 * whole kept output instead flattens it on every write, quadratic in a runaway loop's output.
 */
function kept(shown: string, more: string): string {
  if (shown.length >= OUTPUT_KEPT) return '';
  return shown.length + more.length <= OUTPUT_KEPT ? more : more.slice(0, OUTPUT_KEPT - shown.length);
}

/**
 * One command's record while it runs: where its output goes (its kept text, and a `cmd.out` event
 * per piece), and what its result will say of its start. A class, not closures: tsx (esbuild
 * keepNames) renames each named arrow with a defineProperty call as it is made, and this is made
 * per command; it is also what the RunningCommand tells when the command ends.
 */
export class CommandIo implements CommandEnding {
  readonly out: (x: string) => void;
  readonly err: (x: string) => void;
  readonly o: CommandOutput = { stdout: '', stderr: '' };

  constructor(
    private readonly rt: LabRuntime,
    private readonly sim: Sim,
    readonly host: string,
    readonly index: number,
    readonly command: string,
    readonly start: number,
    readonly traceFrom: number,
    readonly setup: boolean,
  ) {
    // Assigned here, not as field initialisers, which keepNames would rename too; made by another
    // function than the one storing them (docs/architecture.md, "Closures and young-generation GC").
    this.out = CommandIo.writer(this, 'stdout');
    this.err = CommandIo.writer(this, 'stderr');
  }

  private static writer(io: CommandIo, stream: CmdOutEvent['stream']): (x: string) => void {
    return (x) => io.write(stream, x);
  }

  /** The trace keeps what the terminal keeps (OUTPUT_KEPT per stream), not a runaway's flood. */
  private write(stream: CmdOutEvent['stream'], x: string): void {
    const text = kept(this.o[stream], x);
    if (text === '') return;
    this.o[stream] += text;
    this.sim.emitFixed(CMD_OUT, this.host, this.index, stream, text);
  }

  ended(run: RunningCommand, exit: number, interrupted: boolean): CommandResult {
    return this.rt.recordEnd(this, run, exit, interrupted);
  }
}
