/** Parameter expansion: `$x`, `$1`, `$@`, `$?` ... and the `${x...}` operators. */
import { ArithError, evalArith } from './arith';
import type { ParamExp, Word } from './ast';
import { ExpansionError } from './errors';
import { matchPattern, removePrefix, removeSuffix, replacePattern } from './pattern';
import { seg } from './pieces';
import type { Piece } from './pieces';
import type { Gen, Runtime } from './runtime';
import { getVar, nextRandom, setVar } from './state';

/** How params.ts expands the words inside `${x:-word}` (supplied by expand.ts). */
export interface ArgExpander {
  pieces(word: Word, splitLits: boolean): Gen<Piece[]>;
  text(word: Word): Gen<string>;
  pattern(word: Word): Gen<string>;
}

function optionFlags(rt: Runtime): string {
  const o = rt.state.options;
  let flags = rt.state.mode.kind === 'interactive' ? 'himBHs' : 'hB';
  if (o.errexit) flags += 'e';
  if (o.nounset) flags += 'u';
  if (o.xtrace) flags += 'x';
  return flags;
}

/** The value of a parameter, or undefined when unset. `$@` and `$*` come joined by spaces. */
export function paramValue(rt: Runtime, name: string): string | undefined {
  const s = rt.state;
  if (/^[0-9]+$/.test(name)) return name === '0' ? s.arg0 : s.positional[Number(name) - 1];
  switch (name) {
    case '@':
    case '*':
      return s.positional.length > 0 ? s.positional.join(' ') : undefined;
    case '#':
      return String(s.positional.length);
    case '?':
      return String(s.lastStatus);
    case '$':
      return String(s.pid);
    case '!':
      return s.lastBgPid === undefined ? undefined : String(s.lastBgPid);
    case '-':
      return optionFlags(rt);
    case 'RANDOM':
      return String(nextRandom(s));
    case 'LINENO':
      return String(s.line);
    case 'SECONDS':
      return String(Math.floor(rt.host.now() / 1_000_000));
    default:
      return getVar(s, name);
  }
}

function isSet(rt: Runtime, name: string): boolean {
  if (name === '@' || name === '*') return rt.state.positional.length > 0;
  return paramValue(rt, name) !== undefined;
}

/** `"$@"`: one field per positional parameter; `"$*"`: one field. */
function listPieces(rt: Runtime, name: string, quoted: boolean): Piece[] {
  const params = rt.state.positional;
  if (!quoted) return params.length > 0 ? [seg(params.join(' '), false)] : [];
  if (name === '*') {
    const ifs = getVar(rt.state, 'IFS');
    return [seg(params.join(ifs === undefined ? ' ' : ifs.charAt(0)), true)];
  }
  const out: Piece[] = [];
  params.forEach((p, i) => {
    if (i > 0) out.push({ brk: true });
    out.push(seg(p, true));
  });
  return out;
}

export function* paramPieces(rt: Runtime, p: ParamExp, quoted: boolean, ex: ArgExpander): Gen<Piece[]> {
  const { name, op } = p;
  if (op === 'bad') throw new ExpansionError(`${p.raw}: bad substitution`);
  if (op === 'length') {
    if (name === '@' || name === '*' || name === '#')
      return [seg(String(rt.state.positional.length), quoted)];
    return [seg(String([...(paramValue(rt, name) ?? '')].length), quoted)];
  }
  const set = isSet(rt, name);
  const value = paramValue(rt, name);
  const empty = !set || value === '';
  switch (op) {
    case '':
      if (!set && rt.state.options.nounset && name !== '@' && name !== '*') {
        throw new ExpansionError(`${name}: unbound variable`, 1, true);
      }
      if (name === '@' || name === '*') return listPieces(rt, name, quoted);
      return [seg(value ?? '', quoted)];
    case ':-':
    case '-':
      if (op === ':-' ? empty : !set) return yield* argPieces(p.arg, quoted, ex);
      return [seg(value ?? '', quoted)];
    case ':+':
    case '+':
      if (op === ':+' ? empty : !set) return [];
      return yield* argPieces(p.arg, quoted, ex);
    case ':=':
    case '=':
      if (op === ':=' ? empty : !set) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
          throw new ExpansionError(`$${name}: cannot assign in this way`);
        const v = p.arg ? yield* ex.text(p.arg) : '';
        setVar(rt.state, name, v);
        return [seg(v, quoted)];
      }
      return [seg(value ?? '', quoted)];
    case ':?':
    case '?': {
      if (op === ':?' ? !empty : set) return [seg(value ?? '', quoted)];
      const msg = p.arg ? yield* ex.text(p.arg) : '';
      const dflt = op === ':?' ? 'parameter null or not set' : 'parameter not set';
      throw new ExpansionError(`${name}: ${msg === '' ? dflt : msg}`, 1, true);
    }
    default:
      return [seg(yield* transform(rt, p, value ?? '', ex), quoted)];
  }
}

function* argPieces(arg: Word | undefined, quoted: boolean, ex: ArgExpander): Gen<Piece[]> {
  if (!arg) return [];
  if (quoted) return [seg(yield* ex.text(arg), true)];
  return yield* ex.pieces(arg, true);
}

/** The pattern operators (`#`, `%`, `/`) and substrings (`:`). */
function* transform(rt: Runtime, p: ParamExp, v: string, ex: ArgExpander): Gen<string> {
  const pat = p.arg ? yield* ex.pattern(p.arg) : '';
  switch (p.op) {
    case '#':
    case '##':
      return removePrefix(v, pat, p.op === '##');
    case '%':
    case '%%':
      return removeSuffix(v, pat, p.op === '%%');
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const rep = p.arg2 ? yield* ex.text(p.arg2) : '';
      const mode = p.op === '/' ? 'first' : p.op === '//' ? 'all' : p.op === '/#' ? 'prefix' : 'suffix';
      return replacePattern(v, pat, rep, mode);
    }
    case ':':
      return yield* substring(rt, p, v, ex);
    case '^^':
    case ',,':
    case '^':
    case ',':
      return changeCase(v, p.op, pat);
    default:
      throw new ExpansionError(`${p.raw}: bad substitution`);
  }
}

function* substring(rt: Runtime, p: ParamExp, v: string, ex: ArgExpander): Gen<string> {
  try {
    return yield* substringOf(rt, p, v, ex);
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(e.message);
    throw e;
  }
}

function* substringOf(rt: Runtime, p: ParamExp, v: string, ex: ArgExpander): Gen<string> {
  const vars = {
    get: (n: string) => getVar(rt.state, n),
    set: (n: string, val: string) => setVar(rt.state, n, val),
  };
  const chars = [...v];
  let off = Number(evalArith(p.arg ? yield* ex.text(p.arg) : '0', vars));
  if (off < 0) off = Math.max(0, chars.length + off);
  let end = chars.length;
  if (p.arg2) {
    const len = Number(evalArith(yield* ex.text(p.arg2), vars));
    end = len < 0 ? chars.length + len : off + len;
    if (end < off) throw new ExpansionError(`${String(len)}: substring expression < 0`);
  }
  return chars.slice(off, end).join('');
}

/** `${v^^}` / `${v,,}` (all) and `${v^}` / `${v,}` (first character); an optional pattern limits it. */
function changeCase(v: string, op: '^^' | ',,' | '^' | ',', pattern: string): string {
  const up = op[0] === '^';
  const conv = (ch: string): string =>
    pattern === '' || matchPattern(pattern, ch) ? (up ? ch.toUpperCase() : ch.toLowerCase()) : ch;
  if (op.length === 2) return [...v].map(conv).join('');
  return v === '' ? v : conv(v.charAt(0)) + v.slice(1);
}
