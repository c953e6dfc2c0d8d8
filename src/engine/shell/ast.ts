/** The syntax tree of the bash subset the lab shell understands (names follow bash's parse.y). */

/** A piece of a word. `quoted` = inside single or double quotes (or escaped): no splitting, no globbing. */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'tilde'; user: string }
  | { kind: 'param'; param: ParamExp; quoted: boolean }
  | { kind: 'cmdsub'; source: string; line: number; quoted: boolean; backquote: boolean }
  | { kind: 'arith'; expr: Word; quoted: boolean };

/** `${name op arg}`. `op` is empty for `$name` / `${name}`; `length` is `${#name}`. */
export interface ParamExp {
  name: string;
  op: ParamOp;
  arg?: Word;
  /** `${x/pat/REP}`: the replacement; `${x:off:LEN}`: the length. */
  arg2?: Word;
  /** The source text (for `bad substitution`). */
  raw: string;
}

export type ParamOp =
  | ''
  | 'length'
  | ':-'
  | '-'
  | ':='
  | '='
  | ':+'
  | '+'
  | ':?'
  | '?'
  | '#'
  | '##'
  | '%'
  | '%%'
  | '/'
  | '//'
  | '/#'
  | '/%'
  | ':'
  | '^^'
  | '^'
  | ',,'
  | ','
  | 'bad';

export interface Word {
  parts: WordPart[];
  /** The word as written (for keywords, messages and xtrace). */
  raw: string;
}

export type RedirOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  op: RedirOp;
  /** The file descriptor on the left (`2>`); undefined = the operator's default. */
  fd?: number;
  target: Word;
  /** Heredoc body (`<<`, `<<-`): already tab-stripped; `target` is the delimiter. */
  heredoc?: { body: Word; quoted: boolean };
}

export interface Assignment {
  name: string;
  /** `NAME+=value` */
  append: boolean;
  value: Word;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
  line: number;
  /** `[[ ... ]]`: its words are expanded without splitting; operators inside are words. */
  dbracket?: boolean;
}

export interface Pipeline {
  type: 'pipeline';
  negated: boolean;
  commands: Command[];
  line: number;
}

export interface AndOr {
  type: 'andor';
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** A sequence of and-or lists; `background` marks a trailing `&`. */
export interface List {
  type: 'list';
  items: { andor: AndOr; background: boolean }[];
}

export interface IfClause {
  type: 'if';
  branches: { cond: List; body: List }[];
  elseBody?: List;
}

export interface LoopClause {
  type: 'while' | 'until';
  cond: List;
  body: List;
}

export interface ForClause {
  type: 'for';
  name: string;
  /** undefined = `for x; do` (iterate over "$@"). */
  words?: Word[];
  body: List;
  line: number;
}

export interface CaseItem {
  patterns: Word[];
  body: List;
  /** `;;` stops, `;&` falls into the next body, `;;&` tests the next patterns. */
  terminator: ';;' | ';&' | ';;&';
}

export interface CaseClause {
  type: 'case';
  word: Word;
  items: CaseItem[];
  line: number;
}

export interface Group {
  type: 'group' | 'subshell';
  body: List;
}

/** `(( expr ))` */
export interface ArithCommand {
  type: 'arith';
  expr: Word;
  line: number;
}

/** `for (( init; cond; step ))` */
export interface ArithFor {
  type: 'arithfor';
  init: Word;
  cond: Word;
  step: Word;
  body: List;
  line: number;
}

export type CompoundBody = IfClause | LoopClause | ForClause | ArithFor | CaseClause | Group | ArithCommand;

export interface Compound {
  type: 'compound';
  body: CompoundBody;
  redirects: Redirect[];
}

export interface FunctionDef {
  type: 'function';
  name: string;
  body: Compound;
  line: number;
}

export type Command = SimpleCommand | Compound | FunctionDef;
