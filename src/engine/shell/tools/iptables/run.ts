/**
 * iptables 1.4.21's do_command4 against the host's tables, for the shell command and for
 * engine callers (keepalived's vrrp_strict adds its filter rules through `iptablesExec`).
 */
import { iptablesOf } from '../../../netfilter/iptables/iptables';
import { sameRule } from '../../../netfilter/iptables/rule';
import type { Table } from '../../../netfilter/iptables/tables';
import {
  deleteChain,
  deleteRule,
  ENOENT,
  findChain,
  flushOrZero,
  insertRule,
  newChain,
  replaceRule,
  setPolicy,
} from '../../../netfilter/iptables/tables';
import type { Host } from '../../../stack/host';
import { ToolExit } from '../common/toolExit';
import { iptcError } from './errors';
import { listChain, listTable } from './listFormat';
import { parseArgs } from './parseArgs';
import type { Parsed } from './parseArgs';
import { listRules } from './save';

export interface IptablesResult {
  status: number;
  stdout: string;
  stderr: string;
}

function check(e: string | undefined): void {
  if (e !== undefined) iptcError(e);
}

function renameChain(t: Table, from: string, to: string): string | undefined {
  const c = findChain(t, from);
  if (!c) return ENOENT;
  if (c.builtin) return 'Invalid argument';
  if (findChain(t, to)) return 'File exists';
  for (const ch of t.chains)
    for (const r of ch.rules) if (r.target.kind === 'jump' && r.target.chain === from) r.target.chain = to;
  c.name = to;
  t.chains.sort((a, b) => (a.builtin !== b.builtin ? (a.builtin ? -1 : 1) : 0));
  return undefined;
}

function execute(t: Table, p: Parsed): string {
  const chain = p.chain ?? '';
  switch (p.cmd) {
    case 'A':
    case 'I':
      check(insertRule(t, chain, p.rule, p.cmd === 'I' ? (p.num ?? 1) : undefined));
      return '';
    case 'R':
      check(replaceRule(t, chain, p.num!, p.rule));
      return '';
    case 'D':
      check(deleteRule(t, chain, p.num ?? p.rule));
      return '';
    case 'C': {
      const c = findChain(t, chain);
      if (!c) iptcError(ENOENT);
      if (!c.rules.some((r) => sameRule(r, p.rule)))
        iptcError('Bad rule (does a matching rule exist in that chain?)');
      return '';
    }
    case 'F':
    case 'Z':
      check(flushOrZero(t, p.chain, p.cmd === 'F' ? 'flush' : 'zero'));
      return '';
    case 'P':
      check(setPolicy(t, chain, p.arg!));
      return '';
    case 'N':
      check(newChain(t, chain));
      return '';
    case 'X':
      check(deleteChain(t, p.chain));
      return '';
    case 'E':
      check(renameChain(t, chain, p.arg!));
      return '';
    case 'L': {
      if (p.chain === undefined) return listTable(t, p);
      const c = findChain(t, p.chain);
      if (!c) iptcError(ENOENT);
      if (p.num === undefined) return listChain(t, c, p);
      if (p.num > c.rules.length) iptcError('Index of counter too big');
      return listChain(t, { ...c, rules: [c.rules[p.num - 1]!] }, p).replace(/\n.*\n$/, (m) => m);
    }
    case 'S': {
      if (p.chain === undefined) return listRules(t, t.chains, p.verbose);
      const c = findChain(t, p.chain);
      if (!c) iptcError(ENOENT);
      if (p.num === undefined) return listRules(t, [c], p.verbose);
      if (p.num > c.rules.length) iptcError('Index of counter too big');
      return listRules(t, [{ ...c, rules: [c.rules[p.num - 1]!] }], p.verbose).replace(/^-[PN] .*\n/, '');
    }
  }
}

function guard(fn: () => string): IptablesResult {
  try {
    return { status: 0, stdout: fn(), stderr: '' };
  } catch (e) {
    if (!(e instanceof ToolExit)) throw e;
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Run one iptables command line (argv[0] is the program name) on the host's tables. */
export function iptablesExec(host: Host, argv: readonly string[]): IptablesResult {
  return guard(() => {
    const ipt = iptablesOf(host);
    const p = parseArgs(argv, ipt.sets);
    return execute(ipt.table(p.table), p);
  });
}

/** The same against a table being built (iptables-restore's lines before COMMIT). */
export function iptablesExecOn(
  t: Table,
  argv: readonly string[],
  sets?: ReadonlyMap<string, unknown>,
): IptablesResult {
  return guard(() => execute(t, parseArgs(argv, sets)));
}
