/**
 * The iptables tables of one host (filter and mangle), as libiptc edits them: built-in chains
 * with policies and counters, user chains kept sorted by name, rules with counters. Every edit
 * returns undefined or the message libiptc's iptc_strerror gives for its errno.
 */
import type { HookName } from '../../stack/netfilter';
import type { Rule } from './rule';
import { sameRule } from './rule';

export type TableName = 'filter' | 'mangle';
export const TABLE_NAMES: readonly TableName[] = ['filter', 'mangle'];

/** Built-in chains per table, in the order -L lists them. */
export const BUILTIN_CHAINS: Readonly<Record<TableName, readonly HookName[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
};

export interface Chain {
  name: string;
  builtin: boolean;
  policy: 'ACCEPT' | 'DROP';
  rules: Rule[];
  /** Policy counters (built-in chains). */
  pkts: number;
  bytes: number;
}

export interface Table {
  name: TableName;
  chains: Chain[];
}

export const ENOENT = 'No chain/target/match by that name';

export function newTable(name: TableName): Table {
  return {
    name,
    chains: BUILTIN_CHAINS[name].map((c) => ({
      name: c,
      builtin: true,
      policy: 'ACCEPT',
      rules: [],
      pkts: 0,
      bytes: 0,
    })),
  };
}

export function findChain(t: Table, name: string): Chain | undefined {
  return t.chains.find((c) => c.name === name);
}

/** How many rules jump to `name` (-L prints it as "(N references)"). */
export function references(t: Table, name: string): number {
  let n = 0;
  for (const c of t.chains)
    for (const r of c.rules) if (r.target.kind === 'jump' && r.target.chain === name) n++;
  return n;
}

function jumpOk(t: Table, r: Rule): boolean {
  return r.target.kind !== 'jump' || findChain(t, r.target.chain)?.builtin === false;
}

/** -A, or -I at 1-based `num`. */
export function insertRule(t: Table, chain: string, r: Rule, num?: number): string | undefined {
  const c = findChain(t, chain);
  if (!c || !jumpOk(t, r)) return ENOENT;
  if (num === undefined) {
    c.rules.push(r);
    return undefined;
  }
  if (num > c.rules.length + 1) return 'Index of insertion too big';
  c.rules.splice(num - 1, 0, r);
  return undefined;
}

export function replaceRule(t: Table, chain: string, num: number, r: Rule): string | undefined {
  const c = findChain(t, chain);
  if (!c || !jumpOk(t, r)) return ENOENT;
  if (num > c.rules.length) return 'Index of replacement too big';
  c.rules[num - 1] = r;
  return undefined;
}

/** -D by number or by rule (the first rule that is the same). */
export function deleteRule(t: Table, chain: string, what: number | Rule): string | undefined {
  const c = findChain(t, chain);
  if (!c) return ENOENT;
  if (typeof what === 'number') {
    if (what > c.rules.length) return 'Index of deletion too big';
    c.rules.splice(what - 1, 1);
    return undefined;
  }
  const i = c.rules.findIndex((r) => sameRule(r, what));
  if (i < 0) return 'Bad rule (does a matching rule exist in that chain?)';
  c.rules.splice(i, 1);
  return undefined;
}

/** -F / -Z on one chain or (no name) the whole table. */
export function flushOrZero(t: Table, chain: string | undefined, op: 'flush' | 'zero'): string | undefined {
  const chains = chain === undefined ? t.chains : [findChain(t, chain)];
  if (chains.some((c) => !c)) return ENOENT;
  for (const c of chains as Chain[]) {
    if (op === 'flush') c.rules = [];
    else {
      c.pkts = 0;
      c.bytes = 0;
      for (const r of c.rules) r.pkts = r.bytes = 0;
    }
  }
  return undefined;
}

export function setPolicy(t: Table, chain: string, policy: string): string | undefined {
  const c = findChain(t, chain);
  if (!c || !c.builtin) return 'Bad built-in chain name';
  if (policy !== 'ACCEPT' && policy !== 'DROP') return 'Bad policy name';
  c.policy = policy;
  return undefined;
}

export function newChain(t: Table, name: string): string | undefined {
  if (findChain(t, name)) return 'Chain already exists';
  const c: Chain = { name, builtin: false, policy: 'ACCEPT', rules: [], pkts: 0, bytes: 0 };
  const builtins = t.chains.filter((x) => x.builtin);
  const users = [...t.chains.filter((x) => !x.builtin), c].sort((a, b) => (a.name < b.name ? -1 : 1));
  t.chains = [...builtins, ...users];
  return undefined;
}

/** -X NAME, or -X alone: every empty, unreferenced user chain. */
export function deleteChain(t: Table, name: string | undefined): string | undefined {
  if (name === undefined) {
    for (const c of t.chains.filter((x) => !x.builtin)) {
      const e = deleteChain(t, c.name);
      if (e) return e;
    }
    return undefined;
  }
  const c = findChain(t, name);
  if (!c) return ENOENT;
  if (c.builtin) return 'Invalid argument';
  if (references(t, name) > 0) return 'Too many links';
  if (c.rules.length > 0) return 'Directory not empty';
  t.chains = t.chains.filter((x) => x !== c);
  return undefined;
}
