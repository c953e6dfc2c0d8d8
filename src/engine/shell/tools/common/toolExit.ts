/**
 * A tool's early exit: deep argument parsers (iproute2's NEXT_ARG/invarg style) stop with the
 * message and status the real tool prints. `guarded` turns it back into a plain exit status, so
 * nothing escapes the command.
 */
import type { CommandContext } from '../../types';

export class ToolExit {
  constructor(
    readonly status: number,
    /** What goes to stderr, newline included. */
    readonly stderr: string,
    /** What goes to stdout first (a few tools print their errors there). */
    readonly stdout: string = '',
  ) {}
}

export function fail(status: number, stderr: string): never {
  throw new ToolExit(status, stderr);
}

/** Run `fn`, turning a ToolExit into its output and status. */
export function guarded(ctx: CommandContext, fn: () => number): number {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof ToolExit)) throw e;
    if (e.stdout !== '') ctx.out(e.stdout);
    if (e.stderr !== '') ctx.err(e.stderr);
    return e.status;
  }
}
