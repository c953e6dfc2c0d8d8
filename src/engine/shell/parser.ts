/**
 * A hand-written recursive-descent parser for the bash subset (grammar after POSIX XCU 2.10
 * and bash's parse.y). It pulls tokens from the Lexer on demand: `parseCompleteCommand`
 * returns one command line at a time so the shell can run it before reading on.
 */
import type {
  AndOr,
  Assignment,
  Command,
  Compound,
  FunctionDef,
  List,
  Pipeline,
  RedirOp,
  Redirect,
  SimpleCommand,
  Word,
  WordPart,
} from './ast';
import { parseCompoundBody } from './compoundParser';
import { ShellSyntaxError, unexpectedEof, unexpectedToken } from './errors';
import { keywordOf, Lexer } from './lexer';
import type { Token } from './lexer';

const REDIR_OPS: ReadonlySet<string> = new Set([
  '>',
  '>>',
  '>|',
  '<',
  '<>',
  '>&',
  '<&',
  '&>',
  '&>>',
  '<<',
  '<<-',
  '<<<',
]);

/** Reserved words that end a compound list; they cannot start a command. */
const CLOSERS: ReadonlySet<string> = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const OPENERS: ReadonlySet<string> = new Set(['if', 'while', 'until', 'for', 'case', '{']);

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;
/** Compound commands nested deeper than this are refused (the interpreter recurses per level). */
const MAX_NESTING = 200;

export class Parser {
  readonly lexer: Lexer;
  private nesting = 0;

  constructor(source: string, baseLine = 1) {
    this.lexer = new Lexer(source, baseLine);
  }

  /** The next command line (a list ended by a newline or the end), or undefined at the end. */
  parseCompleteCommand(): List | undefined {
    this.skipNewlines();
    if (this.peek().type === 'eof') return undefined;
    const list = this.parseList(true);
    const t = this.peek();
    if (t.type === 'newline') this.next();
    else if (t.type !== 'eof') throw this.unexpected(t);
    return list;
  }

  peek(): Token {
    return this.lexer.peek();
  }

  next(): Token {
    const t = this.lexer.next();
    if (t.type === 'word') validateSubstitutions(t.word.parts, t.line);
    return t;
  }

  unexpected(t: Token): ShellSyntaxError {
    if (t.type === 'eof') return unexpectedEof(t.line);
    if (t.type === 'newline') return unexpectedToken('newline', t.line);
    if (t.type === 'op') return unexpectedToken(t.op, t.line);
    if (t.type === 'arith') return unexpectedToken(`((${t.text}))`, t.line);
    return unexpectedToken(t.word.raw, t.line);
  }

  skipNewlines(): void {
    while (this.peek().type === 'newline') this.next();
  }

  isOp(op: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.op === op;
  }

  isKeyword(kw: string): boolean {
    return keywordOf(this.peek()) === kw;
  }

  expectKeyword(kw: string): void {
    if (!this.isKeyword(kw)) throw this.unexpected(this.peek());
    this.next();
  }

  expectOp(op: string): void {
    if (!this.isOp(op)) throw this.unexpected(this.peek());
    this.next();
  }

  /** Whether the next token can begin a command. */
  startsCommand(): boolean {
    const t = this.peek();
    if (t.type === 'word') return !CLOSERS.has(keywordOf(t) ?? '');
    if (t.type === 'arith') return true;
    return t.type === 'op' && (t.op === '(' || REDIR_OPS.has(t.op));
  }

  /**
   * A list of and-or lists separated by `;`, `&` or (inside compound commands) newlines.
   * `top`: a command line, ended by the first newline.
   */
  parseList(top: boolean): List {
    const list: List = { type: 'list', items: [] };
    if (!top) this.skipNewlines();
    if (!this.startsCommand()) throw this.unexpected(this.peek());
    for (;;) {
      const andor = this.parseAndOr();
      const item = { andor, background: false };
      list.items.push(item);
      const t = this.peek();
      if (t.type === 'op' && (t.op === ';' || t.op === '&')) {
        this.next();
        item.background = t.op === '&';
      } else if (t.type !== 'newline' || top) break;
      if (!top) this.skipNewlines();
      if (!this.startsCommand()) break;
    }
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.next();
      this.skipNewlines();
      rest.push({ op: t.op, pipeline: this.parsePipeline() });
    }
    return { type: 'andor', first, rest };
  }

  private parsePipeline(): Pipeline {
    const line = this.peek().line;
    let negated = false;
    while (this.isKeyword('!')) {
      this.next();
      negated = !negated;
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || (t.op !== '|' && t.op !== '|&')) break;
      this.next();
      if (t.op === '|&') addStderrToPipe(commands[commands.length - 1]);
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { type: 'pipeline', negated, commands, line };
  }

  parseCommand(): Command {
    const t = this.peek();
    const kw = keywordOf(t);
    if (kw !== undefined && OPENERS.has(kw)) return this.parseCompound();
    if (kw === 'function') return this.parseFunctionKeyword();
    if (kw !== undefined && CLOSERS.has(kw)) throw this.unexpected(t);
    if ((t.type === 'op' && t.op === '(') || t.type === 'arith') return this.parseCompound();
    return this.parseSimple();
  }

  /** An if/while/until/for/case/group/subshell and the redirections after it. */
  parseCompound(): Compound {
    if (++this.nesting > MAX_NESTING) {
      throw new ShellSyntaxError('maximum nesting level exceeded', this.peek().line, false);
    }
    try {
      const body = parseCompoundBody(this);
      return { type: 'compound', body, redirects: this.parseRedirects() };
    } finally {
      this.nesting--;
    }
  }

  private parseRedirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || !REDIR_OPS.has(t.op)) return out;
      out.push(this.parseRedirect());
    }
  }

  private parseFunctionKeyword(): FunctionDef {
    const line = this.next().line;
    const t = this.next();
    if (t.type !== 'word') throw this.unexpected(t);
    if (this.isOp('(')) {
      this.next();
      this.expectOp(')');
    }
    return this.parseFunctionBody(t.word.raw, line);
  }

  private parseFunctionBody(name: string, line: number): FunctionDef {
    this.skipNewlines();
    const kw = keywordOf(this.peek());
    const t = this.peek();
    if (!(kw !== undefined && OPENERS.has(kw)) && !this.isOp('(') && t.type !== 'arith')
      throw this.unexpected(this.peek());
    return { type: 'function', name, body: this.parseCompound(), line };
  }

  private parseSimple(): Command {
    const line = this.peek().line;
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [], line };
    for (;;) {
      const t = this.peek();
      if (t.type === 'op' && REDIR_OPS.has(t.op)) {
        cmd.redirects.push(this.parseRedirect());
      } else if (t.type === 'word') {
        this.next();
        const assign = cmd.words.length === 0 ? asAssignment(t.word) : undefined;
        if (assign) cmd.assigns.push(assign);
        else cmd.words.push(t.word);
        if (cmd.words.length === 1 && !assign) {
          if (this.isOp('(') && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
            this.next();
            this.expectOp(')');
            return this.parseFunctionBody(t.word.raw, line);
          }
          if (keywordOf(t) === '[[') return this.parseDoubleBracket(cmd);
        }
      } else break;
    }
    if (cmd.words.length + cmd.assigns.length + cmd.redirects.length === 0)
      throw this.unexpected(this.peek());
    return cmd;
  }

  /** `[[ ... ]]`: operators up to `]]` become plain words. */
  private parseDoubleBracket(cmd: SimpleCommand): SimpleCommand {
    cmd.dbracket = true;
    for (;;) {
      const t = this.next();
      if (t.type === 'eof' || t.type === 'newline') throw this.unexpected(t);
      const text = t.type === 'op' ? t.op : t.type === 'arith' ? `((${t.text}))` : '';
      const word: Word =
        t.type === 'word' ? t.word : { parts: [{ kind: 'lit', text, quoted: true }], raw: text };
      cmd.words.push(word);
      if (keywordOf(t) === ']]') break;
    }
    cmd.redirects.push(...this.parseRedirects());
    return cmd;
  }

  private parseRedirect(): Redirect {
    const opTok = this.next();
    if (opTok.type !== 'op') throw this.unexpected(opTok);
    const t = this.next();
    if (t.type !== 'word') throw this.unexpected(t);
    const redirect: Redirect = { op: opTok.op as RedirOp, target: t.word };
    if (opTok.fd !== undefined) redirect.fd = opTok.fd;
    if (opTok.op === '<<' || opTok.op === '<<-')
      this.lexer.addHeredoc(redirect, opTok.op === '<<-', opTok.line);
    return redirect;
  }
}

/**
 * bash parses `$(...)` with the command around it: a syntax error inside fails the whole line.
 * (Backquotes are parsed only when they run, as in bash.)
 */
function validateSubstitutions(parts: readonly WordPart[], line: number): void {
  for (const p of parts) {
    if (p.kind === 'cmdsub' && !p.backquote) {
      const inner = new Parser(p.source, p.line);
      try {
        while (inner.parseCompleteCommand()) {
          /* parse it all */
        }
      } catch (e) {
        if (e instanceof ShellSyntaxError && e.incomplete) throw unexpectedToken(')', line);
        throw e;
      }
    } else if (p.kind === 'param') {
      if (p.param.arg) validateSubstitutions(p.param.arg.parts, line);
      if (p.param.arg2) validateSubstitutions(p.param.arg2.parts, line);
    } else if (p.kind === 'arith') validateSubstitutions(p.expr.parts, line);
  }
}

function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (!first || first.kind !== 'lit' || first.quoted) return undefined;
  const m = ASSIGNMENT.exec(first.text);
  if (!m) return undefined;
  const restText = first.text.slice(m[0].length);
  const parts = word.parts.slice(1);
  const tilde = /^~([A-Za-z0-9._-]*)(?=\/|$)/.exec(restText);
  if (tilde && (restText.length > tilde[0].length || parts.length === 0)) {
    const after = restText.slice(tilde[0].length);
    const head: Word['parts'] = [{ kind: 'tilde', user: tilde[1] ?? '' }];
    if (after !== '') head.push({ kind: 'lit', text: after, quoted: false });
    parts.unshift(...head);
  } else if (restText !== '') parts.unshift({ kind: 'lit', text: restText, quoted: false });
  return {
    name: m[1] ?? '',
    append: m[2] === '+',
    value: { parts, raw: word.raw.slice(m[0].length) },
  };
}

/** `a |& b`: a's standard error goes down the pipe too (`2>&1`). */
function addStderrToPipe(cmd: Command | undefined): void {
  const dup: Redirect = {
    op: '>&',
    fd: 2,
    target: { parts: [{ kind: 'lit', text: '1', quoted: false }], raw: '1' },
  };
  if (cmd?.type === 'simple' || cmd?.type === 'compound') cmd.redirects.push(dup);
}
