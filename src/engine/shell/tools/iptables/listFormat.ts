/** `iptables -L [-n] [-v] [-x] [--line-numbers]` as 1.4.21's print_header and print_firewall write it. */
import type { Rule, PortMatch } from '../../../netfilter/iptables/rule';
import { maskHex, protoName, targetName } from '../../../netfilter/iptables/rule';
import type { Chain, Table } from '../../../netfilter/iptables/tables';
import { references } from '../../../netfilter/iptables/tables';
import { SERVICES } from './values';

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

const PORT_NAMES = new Map(Object.entries(SERVICES).map(([k, v]) => [v, k]));

/** xtables_print_num: 5 wide with K/M/G/T unless -x, then 8 wide. */
function num(n: number, f: ListFormat, notable = false): string {
  if (f.exact || notable) {
    if (notable && !f.exact && n > 99999) return `${kmg(n)} `;
    return notable ? `${n} ` : `${String(n).padStart(8)} `;
  }
  if (n <= 99999) return `${String(n).padStart(5)} `;
  return `${kmg(n).padStart(5)} `;
}

function kmg(n: number): string {
  let v = n;
  for (const unit of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return `${v}${unit}`;
  }
  return `${Math.floor((v + 500) / 1000)}T`;
}

function header(t: Table, c: Chain, f: ListFormat): string {
  let s = `Chain ${c.name}`;
  if (c.builtin) {
    s += ` (policy ${c.policy}`;
    if (f.verbose) s += ` ${num(c.pkts, f, true)}packets, ${num(c.bytes, f, true)}bytes`;
    s += ')\n';
  } else s += ` (${references(t, c.name)} references)\n`;
  if (f.lineNumbers) s += 'num  ';
  if (f.verbose) s += f.exact ? `${'pkts'.padStart(8)} ${'bytes'.padStart(10)} ` : ' pkts bytes ';
  s += 'target     prot opt';
  if (f.verbose) s += ' in     out    ';
  return `${s} source               destination         \n`;
}

function addr(m: Rule['src'], f: ListFormat): string {
  if (!m || m.prefix === 0) return f.numeric ? '0.0.0.0/0' : 'anywhere';
  return m.prefix === 32 ? m.addr : `${m.addr}/${m.prefix}`;
}

function port(n: number, f: ListFormat): string {
  return f.numeric ? String(n) : (PORT_NAMES.get(n) ?? String(n));
}

function ports(name: string, m: PortMatch | undefined, f: ListFormat): string {
  if (!m || (m.min === 0 && m.max === 65535 && !m.inv)) return '';
  const inv = m.inv ? '!' : '';
  return m.min === m.max
    ? ` ${name}:${inv}${port(m.min, f)}`
    : ` ${name}s:${inv}${port(m.min, f)}:${port(m.max, f)}`;
}

function matchText(r: Rule, f: ListFormat): string {
  let state = '';
  if (r.state) {
    const word = r.state.module === 'state' ? 'state' : 'ctstate';
    state = ` ${word} ${r.state.inv ? '! ' : ''}${r.state.states.join(',')}`;
  }
  let pm = '';
  if (r.sport || r.dport) pm = ` ${protoName(r.proto)}${ports('spt', r.sport, f)}${ports('dpt', r.dport, f)}`;
  const set = r.set ? `${r.set.inv ? ' !' : ''} match-set ${r.set.name} ${r.set.dir}` : '';
  return (r.stateFirst ? state + pm : pm + state) + set;
}

function targetText(r: Rule): string {
  const t = r.target;
  if (t.kind === 'REJECT') return ` reject-with ${t.with}`;
  if (t.kind !== 'MARK') return t.kind === 'jump' && t.goto ? '' : '';
  if (t.mark === 0) return ` MARK and ${maskHex(~t.mask >>> 0)}`;
  if (t.mark === t.mask) return ` MARK or ${maskHex(t.mark)}`;
  if (t.mask === 0) return ` MARK xor ${maskHex(t.mark)}`;
  if (t.mask === 0xffffffff) return ` MARK set ${maskHex(t.mark)}`;
  return ` MARK xset ${maskHex(t.mark)}/${maskHex(t.mask)}`;
}

function iface(m: { name: string; inv: boolean } | undefined, f: ListFormat): string {
  return (m?.inv ? '!' : '') + (m?.name ?? (f.numeric ? '*' : 'any'));
}

function row(r: Rule, n: number, f: ListFormat): string {
  let s = f.lineNumbers ? `${String(n).padEnd(4)} ` : '';
  if (f.verbose) s += num(r.pkts, f) + num(r.bytes, f);
  s += `${targetName(r.target).padEnd(9)} `;
  s += `${r.protoInv ? '!' : ' '}${protoName(r.proto).padEnd(5)}-- `;
  if (f.verbose) s += ` ${iface(r.inIface, f).padEnd(6)} ${iface(r.outIface, f).padEnd(6)} `;
  s += `${r.src?.inv ? '!' : ' '}${addr(r.src, f).padEnd(19)} `;
  s += `${r.dst?.inv ? '!' : ' '}${addr(r.dst, f).padEnd(19)} `;
  if (r.target.kind === 'jump' && r.target.goto) s += '[goto] ';
  return `${s}${matchText(r, f)}${targetText(r)}\n`;
}

export function listChain(t: Table, c: Chain, f: ListFormat): string {
  return header(t, c, f) + c.rules.map((r, i) => row(r, i + 1, f)).join('');
}

export function listTable(t: Table, f: ListFormat): string {
  return t.chains.map((c) => listChain(t, c, f)).join('\n');
}
