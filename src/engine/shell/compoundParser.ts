/** Parsing of compound commands: if, while/until, for, case, `{ ...; }` and `( ... )`. */
import type {
  ArithFor,
  CaseClause,
  CaseItem,
  CompoundBody,
  ForClause,
  IfClause,
  List,
  LoopClause,
  Word,
} from './ast';
import { keywordOf } from './lexer';
import type { Parser } from './parser';
import { scanText } from './wordScanner';

export function parseCompoundBody(p: Parser): CompoundBody {
  const t = p.peek();
  if (t.type === 'op' && t.op === '(') {
    p.next();
    const body = p.parseList(false);
    p.expectOp(')');
    return { type: 'subshell', body };
  }
  if (t.type === 'arith') {
    p.next();
    return { type: 'arith', expr: scanText(t.text, t.line, 'heredoc'), line: t.line };
  }
  switch (keywordOf(t)) {
    case '{':
      return parseGroup(p);
    case 'if':
      return parseIf(p);
    case 'while':
    case 'until':
      return parseLoop(p);
    case 'for':
      return parseFor(p);
    case 'case':
      return parseCase(p);
    default:
      throw p.unexpected(t);
  }
}

function parseGroup(p: Parser): CompoundBody {
  p.next();
  const body = p.parseList(false);
  p.expectKeyword('}');
  return { type: 'group', body };
}

function parseIf(p: Parser): IfClause {
  p.next();
  const branches: IfClause['branches'] = [];
  let cond = p.parseList(false);
  p.expectKeyword('then');
  branches.push({ cond, body: p.parseList(false) });
  const clause: IfClause = { type: 'if', branches };
  for (;;) {
    const kw = keywordOf(p.peek());
    if (kw === 'elif') {
      p.next();
      cond = p.parseList(false);
      p.expectKeyword('then');
      branches.push({ cond, body: p.parseList(false) });
    } else if (kw === 'else') {
      p.next();
      clause.elseBody = p.parseList(false);
      p.expectKeyword('fi');
      return clause;
    } else {
      p.expectKeyword('fi');
      return clause;
    }
  }
}

function parseDoGroup(p: Parser): List {
  p.skipNewlines();
  p.expectKeyword('do');
  const body = p.parseList(false);
  p.expectKeyword('done');
  return body;
}

function parseLoop(p: Parser): LoopClause {
  const kw = keywordOf(p.next()) === 'until' ? 'until' : 'while';
  const cond = p.parseList(false);
  return { type: kw, cond, body: parseDoGroup(p) };
}

function parseFor(p: Parser): ForClause | ArithFor {
  const line = p.next().line;
  const nameTok = p.next();
  if (nameTok.type === 'arith') return parseArithFor(p, nameTok.text, line);
  if (nameTok.type !== 'word') throw p.unexpected(nameTok);
  const clause: ForClause = { type: 'for', name: nameTok.word.raw, body: { type: 'list', items: [] }, line };
  p.skipNewlines();
  if (p.isKeyword('in')) {
    p.next();
    const words: Word[] = [];
    for (;;) {
      const t = p.peek();
      if (t.type !== 'word') break;
      words.push(t.word);
      p.next();
    }
    clause.words = words;
    const sep = p.peek();
    if (sep.type === 'op' && sep.op === ';') p.next();
    else if (sep.type !== 'newline') throw p.unexpected(sep);
  } else if (p.isOp(';')) p.next();
  clause.body = parseDoGroup(p);
  return clause;
}

function parseArithFor(p: Parser, text: string, line: number): ArithFor {
  const pieces = text.split(';');
  if (pieces.length !== 3) throw p.unexpected({ type: 'arith', text, line });
  const [init, cond, step] = pieces.map((piece) => scanText(piece, line, 'heredoc'));
  p.skipNewlines();
  if (p.isOp(';')) p.next();
  const body = parseDoGroup(p);
  return { type: 'arithfor', init: init!, cond: cond!, step: step!, body, line };
}

function parseCase(p: Parser): CaseClause {
  const line = p.next().line;
  const wordTok = p.next();
  if (wordTok.type !== 'word') throw p.unexpected(wordTok);
  p.skipNewlines();
  p.expectKeyword('in');
  const clause: CaseClause = { type: 'case', word: wordTok.word, items: [], line };
  p.skipNewlines();
  while (!p.isKeyword('esac')) {
    clause.items.push(parseCaseItem(p));
    p.skipNewlines();
  }
  p.next();
  return clause;
}

function parseCaseItem(p: Parser): CaseItem {
  if (p.isOp('(')) p.next();
  const patterns: Word[] = [];
  for (;;) {
    const t = p.next();
    if (t.type !== 'word') throw p.unexpected(t);
    patterns.push(t.word);
    if (!p.isOp('|')) break;
    p.next();
  }
  p.expectOp(')');
  p.skipNewlines();
  const item: CaseItem = { patterns, body: { type: 'list', items: [] }, terminator: ';;' };
  if (!p.isKeyword('esac') && !isCaseTerminator(p)) item.body = p.parseList(false);
  const t = p.peek();
  if (t.type === 'op' && (t.op === ';;' || t.op === ';&' || t.op === ';;&')) {
    p.next();
    item.terminator = t.op;
  } else if (!p.isKeyword('esac')) throw p.unexpected(t);
  return item;
}

function isCaseTerminator(p: Parser): boolean {
  const t = p.peek();
  return t.type === 'op' && (t.op === ';;' || t.op === ';&' || t.op === ';;&');
}
