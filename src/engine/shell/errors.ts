/** Errors and control-flow signals of the lab shell. Signals unwind generator frames via throw. */

/**
 * A parse error, worded as bash words it. `incomplete` marks errors that more input could
 * fix (unterminated quote, `for` without `done` ...): `isComplete` answers false for those.
 */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly incomplete: boolean,
    /** Bash prints the offending line after a `near unexpected token` error in a script. */
    readonly showLine: boolean = false,
  ) {
    super(message);
  }
}

export function unexpectedToken(token: string, line: number): ShellSyntaxError {
  return new ShellSyntaxError(`syntax error near unexpected token \`${token}'`, line, false, true);
}

export function unexpectedEof(line: number): ShellSyntaxError {
  return new ShellSyntaxError('syntax error: unexpected end of file', line, true);
}

export function unmatched(closer: string, line: number): ShellSyntaxError {
  return new ShellSyntaxError(`unexpected EOF while looking for matching \`${closer}'`, line, true);
}

/** `break N` / `continue N`: `levels` loops still to leave. */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/** `return N` from a function or a sourced file. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `exit N`, `set -e` failures: leaves the (sub)shell. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** Ctrl-C: unwinds everything; the run ends with status 130. */
export class InterruptSignal {}

/** An expansion error (`bad substitution`, `${x:?}`): the command fails with `status`. */
export class ExpansionError {
  constructor(
    readonly message: string,
    readonly status: number = 1,
    /** A non-interactive shell exits (bash does for `${x:?}` and `${x?}`). */
    readonly fatal: boolean = false,
  ) {}
}
