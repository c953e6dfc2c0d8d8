/**
 * iptables on one host: the tables (loaded on first use, as the kernel loads iptable_filter and
 * iptable_mangle when iptables first touches them), their hook functions at the kernel's
 * priorities (mangle −150, filter 0: before IPVS at LOCAL_IN 98/99), and a little conntrack.
 */
import type { Host } from '../../stack/host';
import type { HookName, HookResult } from '../../stack/netfilter';
import type { Skb } from '../../stack/skb';
import { ConntrackLite } from './conntrackLite';
import type { Table, TableName } from './tables';
import { BUILTIN_CHAINS, newTable } from './tables';
import { doTable } from './traverse';

const PRIORITY: Readonly<Record<TableName, number>> = { mangle: -150, filter: 0 };

export class Iptables {
  private readonly tables = new Map<TableName, Table>();
  /** Loaded tables, most recent first (/proc/net/ip_tables_names, what iptables-save walks). */
  readonly loadOrder: TableName[] = [];
  readonly ct = new ConntrackLite();
  /** ipset's hash:ip sets by name (what `-m set --match-set` looks up). */
  readonly sets = new Map<string, Set<string>>();

  constructor(readonly host: Host) {}

  /** The table, loading its module (and registering its hooks) on first use. */
  table(name: TableName): Table {
    let t = this.tables.get(name);
    if (t) return t;
    t = newTable(name);
    this.tables.set(name, t);
    this.loadOrder.unshift(name);
    const table = t;
    const fn = (skb: Skb, hook: HookName): HookResult => doTable(this, table, hook, skb);
    for (const hook of BUILTIN_CHAINS[name])
      this.host.hooks.register(hook, { name: `iptable_${name}_hook`, priority: PRIORITY[name], fn });
    this.host.modules.add(`iptable_${name}`);
    this.host.modules.add('ip_tables');
    return t;
  }

  loaded(name: TableName): Table | undefined {
    return this.tables.get(name);
  }
}

/** The host's iptables (host.iptables), made on first use. */
export function iptablesOf(host: Host): Iptables {
  return (host.iptables ??= new Iptables(host));
}
