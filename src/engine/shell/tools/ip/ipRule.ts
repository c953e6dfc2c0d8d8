/** `ip rule`: list, add, del, flush policy routing rules (iproute2 iprule.c). fwmark and from selectors. */
import type { PolicyRule } from '../../../stack/routeTable';
import { Args, getPrefix, invarg, matches, rtnl } from './ipCommon';
import type { IpCtx } from './ipCommon';
import { parseTableId } from './tableId';

function ruleLine(r: PolicyRule): string {
  let s = `${r.pref}:\tfrom `;
  s += r.from ? (r.from.prefix === 32 ? r.from.addr : `${r.from.addr}/${r.from.prefix}`) : 'all';
  s += ' ';
  if (r.fwmark !== undefined) {
    const mask = r.fwmask ?? 0xffffffff;
    s +=
      mask !== 0xffffffff
        ? `fwmark 0x${r.fwmark.toString(16)}/0x${mask.toString(16)} `
        : `fwmark 0x${r.fwmark.toString(16)} `;
  }
  return `${s}lookup ${r.table} \n`;
}

function parseMark(text: string): { mark: number; mask?: number } {
  const [a, b] = text.split('/', 2) as [string, string | undefined];
  const num = (v: string): number => {
    const n = /^0x[0-9a-f]+$/i.test(v) ? parseInt(v, 16) : /^\d+$/.test(v) ? Number(v) : NaN;
    if (!(n >= 0 && n <= 0xffffffff)) invarg('"fwmark" value is invalid\n', text);
    return n;
  };
  return b === undefined ? { mark: num(a) } : { mark: num(a), mask: num(b) };
}

/** The selector of `add`/`del`: what was given (unset fields match anything for del). */
function parseSelector(c: IpCtx, argv: string[]): Partial<PolicyRule> & { tableGiven: boolean } {
  const a = new Args(argv);
  const r: Partial<PolicyRule> & { tableGiven: boolean } = { tableGiven: false };
  while (!a.done) {
    const w = a.take();
    if (w === 'from') {
      const v = a.next();
      if (v !== 'all') {
        const p = getPrefix(v, c.opts);
        r.from = { addr: p.addr, prefix: p.len };
      }
    } else if (matches(w, 'fwmark')) {
      const m = parseMark(a.next());
      r.fwmark = m.mark;
      if (m.mask !== undefined) r.fwmask = m.mask;
    } else if (w === 'pref' || matches(w, 'priority') || w === 'order') {
      const v = a.next();
      if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) invarg('"pref" value is invalid\n', v);
      r.pref = Number(v);
    } else if (matches(w, 'table') || w === 'lookup') {
      r.table = parseTableId(a.next());
      r.tableGiven = true;
    } else invarg('Failed to parse rule type', w);
  }
  return r;
}

export function ipRule(c: IpCtx, argv: string[]): number {
  const routes = c.host.routes;
  const cmd = argv[0];
  if (cmd === undefined || matches(cmd, 'list') || matches(cmd, 'show') || cmd === 'lst') {
    c.out(routes.rules.map(ruleLine).join(''));
    return 0;
  }
  if (matches(cmd, 'flush')) {
    // iproute2 deletes every rule but the local one (main and default go too).
    while (routes.removeRule((r) => r.pref !== 0));
    return 0;
  }
  const sel = parseSelector(c, argv.slice(1));
  if (matches(cmd, 'add')) {
    let pref = sel.pref;
    if (pref === undefined) {
      // fib_default_rule_pref: one below the first rule after the local one.
      const second = routes.rules.find((r) => r.pref > 0);
      pref = second ? Math.max(0, second.pref - 1) : 0;
    }
    const rule: PolicyRule = { pref, table: sel.tableGiven ? sel.table! : 'main' };
    if (sel.from) rule.from = sel.from;
    if (sel.fwmark !== undefined) rule.fwmark = sel.fwmark;
    if (sel.fwmask !== undefined) rule.fwmask = sel.fwmask;
    routes.addRule(rule);
    return 0;
  }
  if (matches(cmd, 'delete')) {
    const same = (r: PolicyRule): boolean =>
      (sel.pref === undefined || r.pref === sel.pref) &&
      (!sel.tableGiven || r.table === sel.table) &&
      (sel.fwmark === undefined || r.fwmark === sel.fwmark) &&
      (sel.from === undefined || (r.from?.addr === sel.from.addr && r.from.prefix === sel.from.prefix));
    if (!routes.removeRule(same)) rtnl('No such file or directory');
    return 0;
  }
  return invarg(`Command "${cmd}" is unknown, try "ip rule help".\n`, cmd);
}
