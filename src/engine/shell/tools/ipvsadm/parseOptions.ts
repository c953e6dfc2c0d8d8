/**
 * ipvsadm's parse_options: the first option must be the command; every later option goes through
 * its handler in command-line order, so the first bad one decides the error. A popt error after
 * the command is printed and returned (not an exit: a restore goes on with its next line).
 */
import type { CommandEntry } from './entry';
import { newEntry } from './entry';
import { fail, IpvsadmExit, tryhelp } from './errors';
import { usageText, versionLine } from './help';
import type { CmdName } from './legality';
import type { Resolver } from './netdb';
import { HANDLERS } from './optionHandlers';
import { MAX_TIMEOUT, parseTimeout } from './optionHandlersAddr';
import type { ParseState } from './parseState';
import { Popt, POPT_ERRORS } from './popt';
import { parseSchedFlags } from './schedFlags';

export type ParseResult = { kind: 'ok'; ce: CommandEntry } | { kind: 'popt-error'; stderr: string };

const COMMANDS: Record<string, CmdName> = {
  A: 'add-service',
  E: 'edit-service',
  D: 'delete-service',
  a: 'add-server',
  e: 'edit-server',
  d: 'delete-server',
  C: 'flush',
  L: 'list',
  l: 'list',
  Z: 'zero',
  set: 'set',
  R: 'restore',
  S: 'save',
  'start-daemon': 'start-daemon',
  'stop-daemon': 'stop-daemon',
};

function firstCommand(popt: Popt, ce: CommandEntry, program: string): void {
  const ev = popt.getNextOpt();
  if (ev.kind !== 'opt') tryhelp(program);
  const tag = ev.opt.tag;
  if (tag === 'h') throw new IpvsadmExit(0, '', usageText(program));
  if (tag === 'v') throw new IpvsadmExit(0, '', versionLine());
  const cmd = COMMANDS[tag];
  if (cmd === undefined) tryhelp(program);
  ce.cmd = cmd;
  if (cmd !== 'start-daemon' && cmd !== 'stop-daemon') return;
  if (ev.arg === 'master' || ev.arg === 'backup') ce.daemon.state = ev.arg;
  else if (cmd === 'start-daemon') fail('illegal start-daemon parameter specified');
  else fail('illegal start_daemon specified');
}

/** --set takes its three values from the words left over after the options. */
function setTimeouts(popt: Popt, ce: CommandEntry): void {
  const a = popt.getArg();
  const b = a === undefined ? undefined : popt.getArg();
  const c = b === undefined ? undefined : popt.getArg();
  if (a === undefined || b === undefined || c === undefined) fail('--set option requires 3 timeout values');
  ce.timeouts = {
    tcp: parseTimeout(a, 0, MAX_TIMEOUT),
    tcpfin: parseTimeout(b, 0, MAX_TIMEOUT),
    udp: parseTimeout(c, 0, MAX_TIMEOUT),
  };
}

export function parseOptions(argv: readonly string[], names: Resolver): ParseResult {
  const popt = new Popt(argv);
  const p: ParseState = { ce: newEntry(), names, schedFlagsArg: '' };
  firstCommand(popt, p.ce, argv[0] ?? 'ipvsadm');
  let ev = popt.getNextOpt();
  for (; ev.kind === 'opt'; ev = popt.getNextOpt()) {
    const handler = HANDLERS[ev.opt.tag];
    if (!handler) fail(`invalid option \`${popt.badOption()}'`);
    handler(p, ev.arg);
  }
  if (ev.kind === 'error')
    return { kind: 'popt-error', stderr: `${popt.badOption()}: ${POPT_ERRORS[ev.code]}\n` };
  if (p.ce.cmd === 'set') setTimeouts(popt, p.ce);
  const extra = popt.getArg();
  if (extra !== undefined) fail(`unexpected argument ${extra}`);
  if (p.schedFlagsArg !== '') p.ce.svc.schedFlags = parseSchedFlags(p.ce.svc.sched, p.schedFlagsArg);
  return { kind: 'ok', ce: p.ce };
}
