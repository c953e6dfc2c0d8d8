/**
 * Word expansion in bash's order: braces, tilde, parameters, command substitution, arithmetic,
 * then field splitting and quote removal. (Pathname globbing is not done: words keep `*`.)
 */
import { ArithError, evalArith } from './arith';
import type { Word, WordPart } from './ast';
import { braceExpand } from './braces';
import { ExitSignal, ExpansionError, LoopSignal, ReturnSignal } from './errors';
import { paramPieces } from './params';
import type { ArgExpander } from './params';
import { checkStringSize, MAX_STRING_BYTES, OutOfMemory } from './limits';
import { isBreak, joinPieces, patternOf, seg, splitFields } from './pieces';
import type { Piece } from './pieces';
import { charge, MAX_DEPTH, shellError, withState } from './runtime';
import type { Gen, Io, Runtime } from './runtime';
import { cloneState, getVar, setVar } from './state';

/** Run `$(...)` in a copy of the shell and return its output without trailing newlines. */
export function* commandSubst(
  rt: Runtime,
  source: string,
  line: number,
  io: Io,
  backquote = false,
): Gen<string> {
  if (rt.state.depth >= MAX_DEPTH)
    throw new ExpansionError('command substitution: maximum nesting level exceeded');
  charge(rt, rt.sched.cpu.costs.forkNs);
  const state = cloneState(rt.state);
  state.depth++;
  let out = '';
  let readerFull = false;
  const capture = (s: string): void => {
    // The shell reading the substitution's output runs out of memory itself.
    readerFull = out.length + s.length > MAX_STRING_BYTES;
    checkStringSize(out.length + s.length);
    out += s;
  };
  let status: number;
  try {
    status = yield* rt.exec(
      withState(rt, state),
      source,
      { stdin: io.stdin, out: capture, err: io.err },
      line,
      backquote ? 'command substitution' : undefined,
    );
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof ReturnSignal) status = e.status;
    else if (e instanceof LoopSignal) status = 0;
    else if (e instanceof OutOfMemory && !readerFull) {
      // The forked child died of it; the parent goes on with what it had read.
      io.err(e.message);
      status = 2;
    } else if (e instanceof ExpansionError) {
      shellError(rt, io, e.message);
      status = e.status;
    } else throw e;
  }
  rt.sched.subStatus = status;
  return out.replace(/\n+$/, '');
}

export function arithValue(rt: Runtime, expr: string): string {
  try {
    return String(
      evalArith(expr, {
        get: (n) => getVar(rt.state, n),
        set: (n, v) => setVar(rt.state, n, v),
      }),
    );
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(e.message);
    throw e;
  }
}

function tildeText(rt: Runtime, user: string): string {
  if (user === '') return getVar(rt.state, 'HOME') ?? '/root';
  if (user === 'root') return '/root';
  return '~' + user;
}

function* partPieces(rt: Runtime, part: WordPart, io: Io, splitLits: boolean): Gen<Piece[]> {
  switch (part.kind) {
    case 'lit':
      return [seg(part.text, part.quoted, splitLits && !part.quoted)];
    case 'tilde':
      return [seg(tildeText(rt, part.user), true)];
    case 'param':
      return yield* paramPieces(rt, part.param, part.quoted, argExpander(rt, io));
    case 'cmdsub':
      return [seg(yield* commandSubst(rt, part.source, part.line, io, part.backquote), part.quoted)];
    case 'arith': {
      const text = yield* expandText(rt, part.expr, io);
      return [seg(arithValue(rt, text), part.quoted)];
    }
  }
}

export function* wordPieces(rt: Runtime, word: Word, io: Io, splitLits = false): Gen<Piece[]> {
  const out: Piece[] = [];
  let length = 0;
  for (const part of word.parts) {
    for (const p of yield* partPieces(rt, part, io, splitLits)) {
      out.push(p);
      length += isBreak(p) ? 1 : p.text.length;
    }
    checkStringSize(length);
  }
  return out;
}

function argExpander(rt: Runtime, io: Io): ArgExpander {
  return {
    pieces: (word, splitLits) => wordPieces(rt, word, io, splitLits),
    text: (word) => expandText(rt, word, io),
    pattern: (word) => expandPattern(rt, word, io),
  };
}

function ifsOf(rt: Runtime): string {
  return getVar(rt.state, 'IFS') ?? ' \t\n';
}

/** A word that expands to itself: one literal part, quoted or without a brace to expand. */
function literalText(word: Word): string | undefined {
  const only = word.parts.length === 1 ? word.parts[0] : undefined;
  return only?.kind === 'lit' && (only.quoted || !only.text.includes('{')) ? only.text : undefined;
}

/**
 * The fields of command words that all expand to themselves (`curl -s 10.0.0.1`), as
 * expandFields would give them; undefined when one needs expanding (then expandFields does it
 * all). Spares a generator and its frame for most commands.
 */
export function literalFields(words: readonly Word[]): string[] | undefined {
  for (let i = 0; i < words.length; i++) if (literalText(words[i]!) === undefined) return undefined;
  // map sizes it at once (pushing onto [] makes room for 17).
  return words.map(literalText) as string[];
}

/** Command words: brace expansion, expansions, field splitting. */
export function* expandFields(rt: Runtime, words: readonly Word[], io: Io): Gen<string[]> {
  const fields: string[] = [];
  for (const word of words) {
    const text = literalText(word);
    if (text !== undefined) {
      fields.push(text);
      continue;
    }
    for (const w of braceExpand(word)) fields.push(...splitFields(yield* wordPieces(rt, w, io), ifsOf(rt)));
  }
  return fields;
}

/** One word, no splitting (`[[ ]]` operands). An empty unquoted expansion still gives ''. */
export function* expandText(rt: Runtime, word: Word, io: Io): Gen<string> {
  return joinPieces(yield* wordPieces(rt, word, io));
}

/** A pattern (case, `[[ == ]]`, `${x#pat}`): quoted parts match literally. */
export function* expandPattern(rt: Runtime, word: Word, io: Io): Gen<string> {
  return patternOf(yield* wordPieces(rt, word, io));
}
