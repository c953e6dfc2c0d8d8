/** Running if, while/until, for, `for ((;;))`, case and `(( ))`. */
import type { ArithFor, CaseClause, ForClause, IfClause, List, LoopClause, Word } from './ast';
import { LoopSignal } from './errors';
import { arithValue, expandFields, expandPattern, expandText } from './expand';
import { matchPattern } from './pattern';
import { IDENTIFIER } from './lexer';
import { charge, shellError, useCpu } from './runtime';
import type { Gen, Io, Runtime } from './runtime';
import { setVar } from './state';

export type RunList = (rt: Runtime, list: List, io: Io) => Gen<number>;

/** Run a condition: `set -e` does not apply inside it. */
export function* runCondition(rt: Runtime, list: List, io: Io, run: RunList): Gen<number> {
  rt.state.conditional++;
  try {
    return yield* run(rt, list, io);
  } finally {
    rt.state.conditional--;
  }
}

export function* runIf(rt: Runtime, c: IfClause, io: Io, run: RunList): Gen<number> {
  for (const b of c.branches) {
    if ((yield* runCondition(rt, b.cond, io, run)) === 0) return yield* run(rt, b.body, io);
  }
  return c.elseBody ? yield* run(rt, c.elseBody, io) : 0;
}

/**
 * One loop body pass. Returns 'break' / 'continue' when a LoopSignal aimed at this loop
 * arrived, else the body's status.
 */
function* loopBody(rt: Runtime, body: List, io: Io, run: RunList): Gen<number | 'break' | 'continue'> {
  try {
    return yield* run(rt, body, io);
  } catch (e) {
    if (!(e instanceof LoopSignal)) throw e;
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return e.kind;
  }
}

/**
 * Count the loop while it runs (break/continue outside loops are errors). The loop bodies are
 * module-level generators: a generator function expression made per loop gave every loop's
 * generator objects a new hidden class (each such function has its own prototype).
 */
function* inLoop(rt: Runtime, body: Gen<number>): Gen<number> {
  rt.state.loops++;
  try {
    return yield* body;
  } finally {
    rt.state.loops--;
  }
}

/** The cost of one loop pass; Ctrl-C and the clock get their turn. */
function loopPass(rt: Runtime): Gen<void> {
  charge(rt, rt.sched.cpu.costs.loopIterationNs);
  return useCpu(rt);
}

export function runLoop(rt: Runtime, c: LoopClause, io: Io, run: RunList): Gen<number> {
  return inLoop(rt, loop(rt, c, io, run));
}

function* loop(rt: Runtime, c: LoopClause, io: Io, run: RunList): Gen<number> {
  let status = 0;
  for (;;) {
    yield* loopPass(rt);
    const cond = yield* runCondition(rt, c.cond, io, run);
    if ((cond === 0) !== (c.type === 'while')) return status;
    const r = yield* loopBody(rt, c.body, io, run);
    if (r === 'break') return 0;
    status = r === 'continue' ? 0 : r;
  }
}

export function runFor(rt: Runtime, c: ForClause, io: Io, run: RunList): Gen<number> {
  return inLoop(rt, forLoop(rt, c, io, run));
}

function* forLoop(rt: Runtime, c: ForClause, io: Io, run: RunList): Gen<number> {
  if (!IDENTIFIER.test(c.name)) {
    shellError(rt, io, `\`${c.name}': not a valid identifier`);
    return 1;
  }
  const items = c.words ? yield* expandFields(rt, c.words, io) : [...rt.state.positional];
  let status = 0;
  for (const item of items) {
    yield* loopPass(rt);
    setVar(rt.state, c.name, item);
    const r = yield* loopBody(rt, c.body, io, run);
    if (r === 'break') return 0;
    status = r === 'continue' ? 0 : r;
  }
  return status;
}

/** `(( expr ))`: 0 when the value is non-zero. An empty expression counts as 0. */
export function* runArith(rt: Runtime, expr: Word, io: Io): Gen<number> {
  const text = yield* expandText(rt, expr, io);
  return arithValue(rt, text) === '0' ? 1 : 0;
}

export function runArithFor(rt: Runtime, c: ArithFor, io: Io, run: RunList): Gen<number> {
  return inLoop(rt, arithForLoop(rt, c, io, run));
}

/** An empty condition is true. */
function* arithTest(rt: Runtime, cond: Word, io: Io): Gen<boolean> {
  const text = yield* expandText(rt, cond, io);
  return text.trim() === '' || arithValue(rt, text) !== '0';
}

function* arithForLoop(rt: Runtime, c: ArithFor, io: Io, run: RunList): Gen<number> {
  arithValue(rt, yield* expandText(rt, c.init, io));
  let status = 0;
  while (yield* arithTest(rt, c.cond, io)) {
    yield* loopPass(rt);
    const r = yield* loopBody(rt, c.body, io, run);
    if (r === 'break') return 0;
    status = r === 'continue' ? 0 : r;
    arithValue(rt, yield* expandText(rt, c.step, io));
  }
  return status;
}

export function* runCase(rt: Runtime, c: CaseClause, io: Io, run: RunList): Gen<number> {
  const word = yield* expandText(rt, c.word, io);
  let status = 0;
  let fallInto = false;
  for (const item of c.items) {
    let hit = fallInto;
    for (const p of item.patterns) {
      if (hit) break;
      hit = matchPattern(yield* expandPattern(rt, p, io), word);
    }
    if (!hit) continue;
    status = yield* run(rt, item.body, io);
    if (item.terminator === ';;') return status;
    fallInto = item.terminator === ';&';
  }
  return status;
}
