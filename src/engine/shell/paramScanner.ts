/** Parses the inside of `${...}` into a ParamExp. */
import type { ParamExp, ParamOp, Word } from './ast';

const NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/;
/** Longest first, so `:-` wins over `-` and `##` over `#`. */
const OPS: readonly ParamOp[] = [
  ':-',
  ':=',
  ':+',
  ':?',
  '-',
  '=',
  '+',
  '?',
  '##',
  '#',
  '%%',
  '%',
  '//',
  '/#',
  '/%',
  '/',
  '^^',
  '^',
  ',,',
  ',',
];

/** Scans a piece of text as a word (supplied by the word scanner, to avoid an import cycle). */
export type ArgScanner = (text: string, line: number) => Word;

/** Split `pat/rep` at the first unquoted slash. */
function splitReplace(text: string): [string, string | undefined] {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '/') return [text.slice(0, i), text.slice(i + 1)];
  }
  return [text, undefined];
}

export function parseParamContent(content: string, raw: string, line: number, scan: ArgScanner): ParamExp {
  const bad: ParamExp = { name: content, op: 'bad', raw };
  if (content.length > 1 && content[0] === '#') {
    const rest = content.slice(1);
    const m = NAME.exec(rest);
    if (m && m[0] === rest) return { name: rest, op: 'length', raw };
    return bad;
  }
  const m = NAME.exec(content);
  if (!m) return bad;
  const name = m[0];
  const rest = content.slice(name.length);
  if (rest === '') return { name, op: '', raw };
  if (rest[0] === ':' && !/^:[-=+?]/.test(rest)) {
    const [off, len] = splitColon(rest.slice(1));
    const exp: ParamExp = { name, op: ':', arg: scan(off, line), raw };
    if (len !== undefined) exp.arg2 = scan(len, line);
    return exp;
  }
  const op = OPS.find((o) => rest.startsWith(o));
  if (!op) return bad;
  const argText = rest.slice(op.length);
  if (op[0] === '/') {
    const [pat, rep] = splitReplace(argText);
    const exp: ParamExp = { name, op, arg: scan(pat, line), raw };
    if (rep !== undefined) exp.arg2 = scan(rep, line);
    return exp;
  }
  return { name, op, arg: scan(argText, line), raw };
}

function splitColon(text: string): [string, string | undefined] {
  const i = text.indexOf(':');
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}
