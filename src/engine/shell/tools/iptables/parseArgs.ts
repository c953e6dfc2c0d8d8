/**
 * do_command4's option loop (iptables 1.4.21): one command, the rule's options (each once,
 * `!` before an option inverts it), the tcp/udp match once -p names the protocol, the state and
 * conntrack matches after -m, and the options of the MARK and REJECT targets after -j.
 */
import type { Rule } from '../../../netfilter/iptables/rule';
import type { TableName } from '../../../netfilter/iptables/tables';
import { ToolExit } from '../common/toolExit';
import { noTable, paramProblem, VERSION } from './errors';
import { parseAddr, parseMark, parsePorts, parseProto, parseStates, REJECT_TYPES } from './values';

export type Cmd = 'A' | 'C' | 'I' | 'D' | 'R' | 'F' | 'Z' | 'P' | 'N' | 'X' | 'L' | 'S' | 'E';

export interface Parsed {
  table: TableName;
  cmd: Cmd;
  chain?: string;
  num?: number;
  /** -P's policy, -E's new name. */
  arg?: string;
  rule: Rule;
  /** Rule options given (illegal with -L, -F ...). */
  ruleOpts: string[];
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

const LONG: Readonly<Record<string, string>> = {
  '--append': 'A',
  '--check': 'C',
  '--insert': 'I',
  '--delete': 'D',
  '--replace': 'R',
  '--flush': 'F',
  '--zero': 'Z',
  '--policy': 'P',
  '--new-chain': 'N',
  '--delete-chain': 'X',
  '--list': 'L',
  '--list-rules': 'S',
  '--rename-chain': 'E',
  '--table': 't',
  '--source': 's',
  '--src': 's',
  '--destination': 'd',
  '--dst': 'd',
  '--protocol': 'p',
  '--in-interface': 'i',
  '--out-interface': 'o',
  '--jump': 'j',
  '--goto': 'g',
  '--match': 'm',
  '--numeric': 'n',
  '--verbose': 'v',
  '--exact': 'x',
  '--version': 'V',
};

/** Letters that take an argument (getopt "A:D:R:I:N:E:P:t:s:d:p:i:o:j:g:m:"); L S F Z X take an optional one. */
const WITH_ARG = new Set([
  'A',
  'C',
  'D',
  'R',
  'I',
  'N',
  'E',
  'P',
  't',
  's',
  'd',
  'p',
  'i',
  'o',
  'j',
  'g',
  'm',
]);
const OPTIONAL_ARG = new Set(['L', 'S', 'F', 'Z', 'X']);
const COMMANDS = new Set(['A', 'C', 'I', 'D', 'R', 'F', 'Z', 'P', 'N', 'X', 'L', 'S', 'E']);

function ruleNumber(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 2147483647)
    paramProblem(`Invalid rule number \`${text}'`);
  return Number(text);
}

/** `sets`: the host's ipsets, which `-m set --match-set NAME` must name (libxt_set asks the kernel). */
export function parseArgs(argv: readonly string[], sets: ReadonlyMap<string, unknown> = new Map()): Parsed {
  const rule: Rule = { proto: 0, protoInv: false, target: { kind: 'none' }, pkts: 0, bytes: 0 };
  const p: Parsed = {
    table: 'filter',
    cmd: 'L',
    rule,
    ruleOpts: [],
    numeric: false,
    verbose: false,
    exact: false,
    lineNumbers: false,
  };
  let cmd: Cmd | undefined;
  let inv = false;
  let target = '';
  const matches = new Set<string>();
  let i = 1;
  const next = (): string | undefined => argv[i];
  const optionalOperand = (): string | undefined => {
    const n = next();
    if (n !== undefined && !n.startsWith('-') && n !== '!') {
      i++;
      return n;
    }
    return undefined;
  };
  const once = (letter: string): void => {
    if (p.ruleOpts.includes(letter)) paramProblem(`multiple -${letter} flags not allowed`);
    p.ruleOpts.push(letter);
  };
  const takeInv = (): boolean => {
    const v = inv;
    inv = false;
    return v;
  };
  while (i < argv.length) {
    const a = argv[i++]!;
    if (a === '!') {
      if (inv) paramProblem('multiple consecutive ! not allowed');
      inv = true;
      continue;
    }
    let letter: string | undefined;
    let value: string | undefined;
    if (a.startsWith('--')) {
      const [name, v] = a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
      if (name === '--line-numbers') {
        p.lineNumbers = true;
        continue;
      }
      letter = LONG[name];
      if (letter === undefined) {
        longMatchOption(name, v);
        continue;
      }
      value = v;
    } else if (a.startsWith('-') && a.length > 1) {
      letter = a[1]!;
      if (a.length > 2) {
        if (WITH_ARG.has(letter) || OPTIONAL_ARG.has(letter)) value = a.slice(2);
        else argv = [...argv.slice(0, i), `-${a.slice(2)}`, ...argv.slice(i)];
      }
    } else paramProblem(`Bad argument \`${a}'`);
    if (WITH_ARG.has(letter) && value === undefined) {
      value = next();
      if (value === undefined) paramProblem(`option "${a}" requires an argument`);
      i++;
    }
    if (COMMANDS.has(letter)) {
      if (inv) paramProblem('unexpected ! flag');
      if (cmd !== undefined) paramProblem(`Cannot use -${letter} with -${cmd}\n`);
      cmd = letter as Cmd;
      if (OPTIONAL_ARG.has(letter)) value ??= optionalOperand();
      if (value !== undefined) p.chain = value;
      if (letter === 'D' || letter === 'I' || ((letter === 'L' || letter === 'S') && value !== undefined)) {
        const n = optionalOperand();
        if (n !== undefined) p.num = ruleNumber(n);
      } else if (letter === 'R') {
        const n = optionalOperand();
        if (n === undefined) paramProblem('-R requires a rule number');
        p.num = ruleNumber(n);
      } else if (letter === 'P' || letter === 'E') {
        const n = optionalOperand();
        if (n === undefined) paramProblem(`-${letter} requires old-chain-name and new-chain-name`);
        p.arg = n;
      }
      continue;
    }
    switch (letter) {
      case 't':
        if (inv) paramProblem('unexpected ! flag before --table');
        if (value !== 'filter' && value !== 'mangle') noTable(value!);
        p.table = value;
        break;
      case 's':
        once('s');
        rule.src = parseAddr(value!, takeInv());
        break;
      case 'd':
        once('d');
        rule.dst = parseAddr(value!, takeInv());
        break;
      case 'p':
        once('p');
        rule.protoInv = takeInv();
        rule.proto = parseProto(value!);
        break;
      case 'i':
      case 'o': {
        once(letter);
        const m = { name: value!, inv: takeInv() };
        if (value!.length > 15) paramProblem(`interface name \`${value}' must be shorter than IFNAMSIZ (15)`);
        if (letter === 'i') rule.inIface = m;
        else rule.outIface = m;
        break;
      }
      case 'j':
      case 'g':
        once('j');
        target = value!;
        setTarget(rule, value!, letter === 'g');
        break;
      case 'm':
        if (!['tcp', 'udp', 'state', 'conntrack', 'set'].includes(value!))
          paramProblem(`Couldn't load match \`${value}':No such file or directory\n`);
        matches.add(value!);
        break;
      case 'n':
        p.numeric = true;
        break;
      case 'v':
        p.verbose = true;
        break;
      case 'x':
        p.exact = true;
        break;
      case 'V':
        throw new ToolExit(0, '', `iptables ${VERSION}\n`);
      case 'h':
        paramProblem('help is not available in the lab');
        break;
      default:
        paramProblem(`unknown option "${a}"`);
    }
  }
  if (inv) paramProblem('unexpected ! flag');
  if (cmd === undefined) paramProblem('no command specified');
  p.cmd = cmd;
  finish(p, target);
  return p;

  function longMatchOption(name: string, v: string | undefined): void {
    const val = (): string => {
      if (v !== undefined) return v;
      const n = next();
      if (n === undefined) paramProblem(`option "${name}" requires an argument`);
      i++;
      return n;
    };
    const protoMatch = rule.proto === 6 || rule.proto === 17;
    if (
      (name === '--sport' ||
        name === '--source-port' ||
        name === '--dport' ||
        name === '--destination-port') &&
      protoMatch
    ) {
      const src = name === '--sport' || name === '--source-port';
      if (src ? rule.sport : rule.dport)
        paramProblem(`multiple --${src ? 'sport' : 'dport'} flags not allowed`);
      const pm = parsePorts(val(), takeInv());
      if (src) rule.sport = pm;
      else rule.dport = pm;
      if (!rule.state) rule.stateFirst = false;
      else if (rule.stateFirst === undefined) rule.stateFirst = true;
      return;
    }
    const stateOpt =
      name === '--state' && matches.has('state')
        ? 'state'
        : name === '--ctstate' && matches.has('conntrack')
          ? 'ctstate'
          : undefined;
    if (stateOpt) {
      const invState = takeInv();
      rule.state = {
        module: stateOpt === 'state' ? 'state' : 'conntrack',
        states: parseStates(val(), stateOpt),
        inv: invState,
      };
      rule.stateFirst ??= !(rule.sport || rule.dport);
      return;
    }
    if (name === '--match-set' && matches.has('set')) {
      if (rule.set) paramProblem('--match-set can be specified only once');
      const invSet = takeInv();
      const setName = val();
      const dirs = next();
      if (dirs === undefined || dirs.startsWith('-') || dirs.startsWith('!'))
        paramProblem('--match-set requires two args.');
      if (!sets.has(setName)) paramProblem(`Set ${setName} doesn't exist.\n`);
      i++;
      // keepalived's sets are hash:ip, one dimension.
      if (dirs !== 'src' && dirs !== 'dst') paramProblem("You must spefify (sic) `src' or `dst'.");
      rule.set = { name: setName, dir: dirs, inv: invSet };
      return;
    }
    const t = rule.target;
    if (t.kind === 'MARK' && (name === '--set-mark' || name === '--set-xmark')) {
      const m = parseMark(val(), name);
      t.mark = m.mark;
      const mask = m.mask ?? 0xffffffff;
      // libxt_MARK: --set-mark V/M means "zero M, then set V" (mask V|M); --set-xmark is literal.
      t.mask = (name === '--set-mark' ? mask | m.mark : mask) >>> 0;
      return;
    }
    if (t.kind === 'REJECT' && name === '--reject-with') {
      const r = val();
      const kind = REJECT_TYPES[r];
      if (!kind) paramProblem(`unknown reject type "${r}"`);
      t.with = kind;
      return;
    }
    paramProblem(`unknown option "${name}"`);
  }
}

function setTarget(rule: Rule, name: string, goto: boolean): void {
  if (name === 'ACCEPT' || name === 'DROP' || name === 'RETURN') rule.target = { kind: name };
  else if (name === 'REJECT') rule.target = { kind: 'REJECT', with: 'icmp-port-unreachable' };
  else if (name === 'MARK') rule.target = { kind: 'MARK', mark: -1, mask: 0xffffffff };
  else rule.target = { kind: 'jump', chain: name, goto };
}

/** generic_opt_check's table: which of -n -s -d -p -j -v -x -i -o --line each command refuses. */
const OPTFLAGS = ['n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0'];
const LEGAL: Readonly<Record<string, string>> = {
  I: 'x     x  x',
  D: 'x     x  x',
  C: 'x     x  x',
  'D#': 'xxxxx xxxx',
  R: 'x     x  x',
  A: 'x     x  x',
  L: ' xxxx  xx ',
  F: 'xxxxx xxxx',
  Z: 'xxxxx xxxx',
  N: 'xxxxx xxxx',
  X: 'xxxxx xxxx',
  P: 'xxxxx xxxx',
  E: 'xxxxx xxxx',
  S: 'xxxxx xxxx',
};

function finish(p: Parsed, target: string): void {
  const r = p.rule;
  if (r.target.kind === 'MARK' && r.target.mark === -1)
    paramProblem('MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required');
  const row = LEGAL[p.cmd === 'D' && p.num !== undefined ? 'D#' : p.cmd] ?? '';
  for (const [k, letter] of OPTFLAGS.entries()) {
    const given =
      letter === '0'
        ? p.lineNumbers
        : letter === 'n'
          ? p.numeric
          : letter === 'v'
            ? p.verbose
            : letter === 'x'
              ? p.exact
              : p.ruleOpts.includes(letter);
    if (given && row[k] === 'x') paramProblem(`Illegal option \`-${letter}' with this command\n`);
  }
  if (p.chain && p.chain.length > 28 && (p.cmd === 'N' || p.cmd === 'E'))
    paramProblem(`chain name \`${p.chain}' too long (must be under 29 chars)`);
  const c = p.chain ?? '';
  if ((c === 'PREROUTING' || c === 'INPUT') && r.outIface) paramProblem(`Can't use -o with ${c}\n`);
  if ((c === 'POSTROUTING' || c === 'OUTPUT') && r.inIface) paramProblem(`Can't use -i with ${c}\n`);
  void target;
}
