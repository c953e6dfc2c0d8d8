/**
 * iptables-restore (1.4.21): `*table`, `:CHAIN POLICY [p:b]`, rule lines as iptables arguments,
 * `COMMIT`. A table is replaced when its COMMIT is reached (not flushed with --noflush).
 */
import { iptablesOf } from '../../../netfilter/iptables/iptables';
import type { Table, TableName } from '../../../netfilter/iptables/tables';
import { findChain, newChain, newTable, setPolicy } from '../../../netfilter/iptables/tables';
import type { Host } from '../../../stack/host';
import { ToolExit } from '../common/toolExit';
import { iptablesExecOn } from './run';

const TRY = "Try `iptables-restore -h' or 'iptables-restore --help' for more information.\n";

function lineFailed(n: number): never {
  throw new ToolExit(1, `iptables-restore: line ${n} failed\n`);
}

/** Whitespace-separated words, with "double quoted" words kept whole. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

export function iptablesRestore(host: Host, input: string, noflush: boolean): void {
  const ipt = iptablesOf(host);
  let table: { name: TableName; work: Table } | undefined;
  const lines = input.split('\n');
  lines.forEach((raw, idx) => {
    const n = idx + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('*')) {
      const name = line.slice(1);
      if (name !== 'filter' && name !== 'mangle')
        throw new ToolExit(
          2,
          `iptables-restore: unable to initialize table '${name}'\n\nError occurred at line: ${n}\n${TRY}`,
        );
      const live = ipt.table(name);
      const work = noflush ? structuredCopy(live) : newTable(name);
      table = { name, work };
      return;
    }
    if (!table) lineFailed(n);
    if (line === 'COMMIT') {
      ipt.table(table.name).chains = table.work.chains;
      table = undefined;
      return;
    }
    if (line.startsWith(':')) {
      const [chain, policy] = words(line.slice(1));
      if (!chain) lineFailed(n);
      if (findChain(table.work, chain)?.builtin) {
        if (policy !== '-' && setPolicy(table.work, chain, policy ?? '') !== undefined) lineFailed(n);
      } else if (!findChain(table.work, chain) && newChain(table.work, chain) !== undefined) lineFailed(n);
      return;
    }
    const w = words(line.replace(/^\[\d+:\d+\]\s*/, ''));
    const r = iptablesExecOn(table.work, ['iptables', '-t', table.name, ...w], ipt.sets);
    if (r.status === 2) {
      const msg = r.stderr.replace(/^iptables v/, 'iptables-restore v').replace(/Try `iptables -h'.*\n$/, '');
      throw new ToolExit(2, `${msg}Error occurred at line: ${n}\n${TRY}`);
    }
    if (r.status !== 0) lineFailed(n);
  });
  if (table) throw new ToolExit(1, `iptables-restore: COMMIT expected at line ${lines.length + 1}\n`);
}

function structuredCopy(t: Table): Table {
  return {
    name: t.name,
    chains: t.chains.map((c) => ({ ...c, rules: c.rules.map((r) => ({ ...r })) })),
  };
}
