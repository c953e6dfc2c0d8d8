/**
 * Runs the syntax tree. Every function is a generator so that the Waits of the commands
 * deep inside loops and functions reach the driver (`yield*`); control flow (break, return,
 * exit, Ctrl-C) unwinds the generator frames as thrown signals.
 */
import type {
  AndOr,
  Command,
  Compound,
  CompoundBody,
  FunctionDef,
  List,
  Pipeline,
  SimpleCommand,
} from './ast';
import { runArith, runArithFor, runCase, runFor, runIf, runLoop } from './compoundExec';
import { ExitSignal, ExpansionError, LoopSignal, ReturnSignal, ShellSyntaxError } from './errors';
import { startJob } from './jobs/background';
import { OutOfMemory } from './limits';
import { BrokenPipe } from './pipe';
import { runStages } from './pipeline';
import { Parser } from './parser';
import { parsedSteps } from './parseCache';
import type { ParsedStep } from './parseCache';
import { applyRedirects, closeRedirects } from './redirect';
import { charge, errPrefix, MAX_DEPTH, shellError, withState } from './runtime';
import type { Gen, Io, Runtime } from './runtime';
import { runSimple } from './simpleExec';
import { cloneState, popLocals } from './state';

/**
 * Parse and run `source` command line by command line (the Runtime's `exec`). Not a generator
 * itself: it hands back the generator that runs the lines, one frame fewer per command.
 */
export function execSource(rt: Runtime, source: string, io: Io, baseLine = 1, context?: string): Gen<number> {
  const steps = parsedSteps(source, baseLine);
  if (steps) return runSteps(rt, steps, source, io, baseLine, context);
  return parseAndRun(rt, source, io, baseLine, context);
}

/** execSource for a source not in the parse cache: parsed as it runs, line by line. */
function* parseAndRun(rt: Runtime, source: string, io: Io, baseLine: number, context?: string): Gen<number> {
  const parser = new Parser(source, baseLine);
  for (;;) {
    let list: List | undefined;
    try {
      list = parser.parseCompleteCommand();
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      flushWarnings(rt, parser, io);
      reportSyntaxError(rt, io, e, source, baseLine, context);
      rt.state.lastStatus = 2;
      return 2;
    }
    flushWarnings(rt, parser, io);
    if (!list) return rt.state.lastStatus;
    yield* runCommandLine(rt, list, io);
  }
}

/**
 * The one simple command a command line consists of (`curl -s VIP`: no `;`, `&`, `&&`, `||`,
 * `|` or `!`), or undefined.
 */
function soleSimple(list: List): SimpleCommand | undefined {
  if (list.items.length !== 1) return undefined;
  const item = list.items[0]!;
  if (item.background || item.andor.rest.length !== 0) return undefined;
  const p = item.andor.first;
  if (p.negated || p.commands.length !== 1) return undefined;
  const c = p.commands[0]!;
  return c.type === 'simple' ? c : undefined;
}

function* runCommandLine(rt: Runtime, list: List, io: Io): Gen<void> {
  const only = soleSimple(list);
  try {
    if (only) soleDone(rt, yield* runSimple(rt, only, io, callFunction));
    else yield* runList(rt, list, io);
  } catch (e) {
    lineFailed(rt, io, e);
  }
}

/**
 * What runList → runAndOr → runPipeline do after one simple command, run without them (one
 * generator instead of four): its status becomes `$?`, and `set -e` exits on a failure.
 */
function soleDone(rt: Runtime, status: number): void {
  const s = rt.state;
  s.lastStatus = status;
  if (status !== 0 && s.options.errexit && s.conditional === 0) throw new ExitSignal(status);
}

/** A command line that threw: an expansion error abandons it (bash); anything else unwinds on. */
function lineFailed(rt: Runtime, io: Io, e: unknown): void {
  if (!(e instanceof ExpansionError)) throw e;
  // bash abandons the whole command line; a script goes on with the next one.
  shellError(rt, io, e.message);
  rt.state.lastStatus = e.status;
  if (e.fatal && rt.state.mode.kind !== 'interactive') throw new ExitSignal(e.status);
}

/** execSource's loop over command lines parsed before (parseCache.ts): the same output, in the same order. */
function* runSteps(
  rt: Runtime,
  steps: readonly ParsedStep[],
  source: string,
  io: Io,
  baseLine: number,
  context: string | undefined,
): Gen<number> {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    // Indexed: a `for…of` here kept an iterator per command line in this generator's frame.
    const warnings = step.warnings;
    for (let w = 0; w < warnings.length; w++)
      io.err(`${errPrefix(rt.state, step.line)}warning: ${warnings[w]!}\n`);
    if (step.error) {
      reportSyntaxError(rt, io, step.error, source, baseLine, context);
      rt.state.lastStatus = 2;
      return 2;
    }
    const list = step.list;
    if (!list) return rt.state.lastStatus;
    // runCommandLine's body, in this frame (one generator fewer per command line).
    const only = soleSimple(list);
    try {
      if (only) soleDone(rt, yield* runSimple(rt, only, io, callFunction));
      else yield* runList(rt, list, io);
    } catch (e) {
      lineFailed(rt, io, e);
    }
  }
  return rt.state.lastStatus;
}

function flushWarnings(rt: Runtime, parser: Parser, io: Io): void {
  const warnings = parser.lexer.warnings;
  for (const w of warnings.splice(0)) io.err(`${errPrefix(rt.state, parser.lexer.line)}warning: ${w}\n`);
}

function reportSyntaxError(
  rt: Runtime,
  io: Io,
  e: ShellSyntaxError,
  source: string,
  baseLine: number,
  context: string | undefined,
): void {
  const mode = rt.state.mode;
  let prefix: string;
  if (context !== undefined) prefix = `bash: ${context}: line ${e.line - baseLine + 1}: `;
  else if (mode.kind === 'interactive') {
    io.err(`bash: ${e.message}\n`);
    return;
  } else prefix = mode.kind === 'script' ? `${mode.name}: line ${e.line}: ` : `bash: -c: line ${e.line}: `;
  io.err(prefix + e.message + '\n');
  const text = source.split('\n')[e.line - baseLine];
  if (e.showLine && text !== undefined) io.err(`${prefix}\`${text}'\n`);
}

export function* runList(rt: Runtime, list: List, io: Io): Gen<number> {
  let status = 0;
  // Indexed, and the background job's closures made in startBackground: a closure here would
  // have V8 allocate a context for every list run, and `for…of` an iterator.
  const items = list.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.background) {
      yield* startBackground(rt, item.andor, io);
      status = rt.state.lastStatus = 0;
      continue;
    }
    status = yield* runAndOr(rt, item.andor, io);
  }
  return status;
}

/** `cmd &`: the and-or list runs as a job in a subshell. */
function startBackground(rt: Runtime, andor: AndOr, io: Io): Gen<void> {
  return startJob(rt, andor, io, (jrt, jio) => runSubshell(jrt, jio, (sub) => runAndOr(sub, andor, jio)));
}

function* runAndOr(rt: Runtime, ao: AndOr, io: Io): Gen<number> {
  const n = ao.rest.length;
  let status = yield* runPipelineIn(rt, ao.first, io, n > 0);
  let ran = ao.first;
  for (let i = 0; i < n; i++) {
    const step = ao.rest[i];
    if (!step || (step.op === '&&') !== (status === 0)) continue;
    status = yield* runPipelineIn(rt, step.pipeline, io, i < n - 1);
    ran = step.pipeline;
  }
  const last = n > 0 ? ao.rest[n - 1]?.pipeline : ao.first;
  const s = rt.state;
  if (status !== 0 && s.options.errexit && s.conditional === 0 && ran === last && !ran.negated) {
    throw new ExitSignal(status);
  }
  return status;
}

function runPipelineIn(rt: Runtime, p: Pipeline, io: Io, conditional: boolean): Gen<number> {
  return conditional ? runConditionalPipeline(rt, p, io) : runPipeline(rt, p, io);
}

function* runConditionalPipeline(rt: Runtime, p: Pipeline, io: Io): Gen<number> {
  rt.state.conditional++;
  try {
    return yield* runPipeline(rt, p, io);
  } finally {
    rt.state.conditional--;
  }
}

function* runPipeline(rt: Runtime, p: Pipeline, io: Io): Gen<number> {
  let status: number;
  const [only] = p.commands;
  if (p.commands.length === 1 && only) status = yield* runCommand(rt, only, io);
  else {
    const statuses = yield* runPipelineStages(rt, p, io);
    const failed = statuses.filter((x) => x !== 0);
    status = rt.state.options.pipefail
      ? (failed[failed.length - 1] ?? 0)
      : (statuses[statuses.length - 1] ?? 0);
  }
  if (p.negated) status = status === 0 ? 1 : 0;
  rt.state.lastStatus = status;
  return status;
}

/**
 * A pipeline's stages, each in a subshell. Its closures are made here, not in runPipeline, whose
 * every run (one per command line) would otherwise allocate their context.
 */
function runPipelineStages(rt: Runtime, p: Pipeline, io: Io): Gen<number[]> {
  const cmds = p.commands;
  return runStages(rt, io, cmds.length, (i, stage) =>
    runSubshell(rt, stage, (sub) => runCommand(sub, cmds[i]!, stage)),
  );
}

/** Run in a copy of the shell state: `( ... )`, pipeline stages. `exit` ends only the copy. */
export function* runSubshell(rt: Runtime, io: Io, fn: (sub: Runtime) => Gen<number>): Gen<number> {
  charge(rt, rt.sched.cpu.costs.forkNs);
  const sub = withState(rt, cloneState(rt.state));
  try {
    return yield* fn(sub);
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.status;
    if (e instanceof LoopSignal) return 0;
    if (e instanceof OutOfMemory) {
      // Only the forked copy of the shell dies.
      io.err(e.message);
      return 2;
    }
    if (e instanceof BrokenPipe) return e.status;
    if (!(e instanceof ExpansionError)) throw e;
    shellError(sub, io, e.message);
    return e.status;
  }
}

export function runCommand(rt: Runtime, cmd: Command, io: Io): Gen<number> {
  if (cmd.type === 'simple') return runSimple(rt, cmd, io, callFunction);
  if (cmd.type === 'function') return defineFunction(rt, cmd);
  return runCompound(rt, cmd, io);
}

// eslint-disable-next-line require-yield
function* defineFunction(rt: Runtime, def: FunctionDef): Gen<number> {
  rt.state.functions.set(def.name, def);
  return 0;
}

export function* runCompound(rt: Runtime, c: Compound, io: Io): Gen<number> {
  const red = c.redirects.length > 0 ? yield* applyRedirects(rt, c.redirects, io) : { io, files: [] };
  if (!red) return 1;
  let status: number;
  try {
    status = yield* runBody(rt, c.body, red.io);
  } catch (e) {
    closeRedirects(rt, red.files, io, undefined);
    throw e;
  }
  const werr = closeRedirects(rt, red.files, io, undefined);
  return werr !== 0 && status === 0 ? werr : status;
}

function runBody(rt: Runtime, body: CompoundBody, io: Io): Gen<number> {
  switch (body.type) {
    case 'group':
      return runList(rt, body.body, io);
    case 'subshell':
      return runSubshell(rt, io, (sub) => runList(sub, body.body, io));
    case 'if':
      return runIf(rt, body, io, runList);
    case 'while':
    case 'until':
      return runLoop(rt, body, io, runList);
    case 'for':
      return runFor(rt, body, io, runList);
    case 'arithfor':
      return runArithFor(rt, body, io, runList);
    case 'case':
      return runCase(rt, body, io, runList);
    case 'arith':
      return runArith(rt, body.expr, io);
  }
}

/** Call a shell function: its own positional parameters and `local` frame. */
export function* callFunction(rt: Runtime, def: FunctionDef, argv: string[], io: Io): Gen<number> {
  const s = rt.state;
  if (s.depth >= MAX_DEPTH) {
    shellError(rt, io, `${def.name}: maximum function nesting level exceeded (${MAX_DEPTH})`);
    return 1;
  }
  const saved = s.positional;
  s.positional = argv.slice(1);
  s.depth++;
  s.localFrames.push(new Map());
  s.returnable++;
  try {
    return yield* runCompound(rt, def.body, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    s.positional = saved;
    s.depth--;
    s.returnable--;
    popLocals(s);
  }
}
