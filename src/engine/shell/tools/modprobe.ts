/**
 * modprobe and lsmod (kmod 20, CentOS 7.6 kernel 3.10.0-957). Loading `ipip` registers tunl0;
 * loading `ip_vs` creates the host's IPVS instance (its sysctls appear under net.ipv4.vs).
 * Removal (-r) is not simulated: a loaded module reports itself in use.
 */
import { ipvsOf } from '../../ipvs/ipvs';
import type { Host } from '../../stack/host';
import type { Network } from '../../stack/network';
import { simple } from '../types';
import type { CommandImpl } from '../types';
import { loadIpip } from './common/ipipModule';
import { left } from './common/text';
import { guarded, ToolExit } from './common/toolExit';

const SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq', 'fo', 'ovf', 'mh'];

/** Modules the lab knows, with their size in bytes and what they depend on (lsmod columns). */
const MODULES: ReadonlyMap<string, { size: number; deps: readonly string[] }> = new Map([
  ['ipip', { size: 13465, deps: ['tunnel4', 'ip_tunnel'] }],
  ['tunnel4', { size: 13252, deps: [] }],
  ['ip_tunnel', { size: 25163, deps: [] }],
  ['ip_vs', { size: 145497, deps: ['nf_conntrack', 'libcrc32c'] }],
  ['nf_conntrack', { size: 133095, deps: ['libcrc32c'] }],
  ['libcrc32c', { size: 12644, deps: [] }],
  ...SCHEDULERS.map((s): [string, { size: number; deps: readonly string[] }] => [
    `ip_vs_${s}`,
    { size: 12600, deps: ['ip_vs'] },
  ]),
  ['dummy', { size: 12960, deps: [] }],
  ['8021q', { size: 33080, deps: [] }],
  ['bridge', { size: 151336, deps: [] }],
  ['br_netfilter', { size: 22256, deps: ['bridge'] }],
]);

/** Module names may be written with - or _ (kmod normalises to _). */
function norm(name: string): string {
  return name.replace(/-/g, '_');
}

function load(host: Host, name: string): void {
  const deps = MODULES.get(name)?.deps ?? [];
  for (const d of deps) load(host, d);
  if (name === 'ipip') loadIpip(host);
  else if (name === 'ip_vs') ipvsOf(host);
  else if (name === 'dummy')
    throw new ToolExit(1, 'modprobe: the dummy module is not simulated in this lab\n');
  host.modules.add(name);
}

export function modprobeCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) =>
    guarded(ctx, () => {
      const args = ctx.argv.slice(1);
      let remove = false;
      const names: string[] = [];
      for (const a of args) {
        if (a === '-r' || a === '--remove') remove = true;
        else if (
          a === '-q' ||
          a === '--quiet' ||
          a === '-v' ||
          a === '--verbose' ||
          a === '-a' ||
          a === '--all'
        )
          continue;
        else if (a.startsWith('-')) throw new ToolExit(1, `modprobe: ERROR: unknown option '${a}'\n`);
        else if (names.length === 0 || args.includes('-a') || args.includes('--all') || remove)
          names.push(norm(a));
      }
      if (names.length === 0) throw new ToolExit(1, 'modprobe: ERROR: missing parameters. See -h.\n');
      for (const n of names) {
        if (!MODULES.has(n)) throw new ToolExit(1, `modprobe: FATAL: Module ${n} not found.\n`);
        if (remove) {
          if (host.modules.has(n)) throw new ToolExit(1, `modprobe: FATAL: Module ${n} is in use.\n`);
          continue;
        }
        load(host, n);
      }
      return 0;
    }),
  );
}

export function lsmodCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) => {
    // /proc/modules lists the most recently loaded first; a module's dependencies load before it.
    const loaded: string[] = [];
    const add = (m: string): void => {
      if (loaded.includes(m)) return;
      for (const d of MODULES.get(m)?.deps ?? []) add(d);
      loaded.push(m);
    };
    for (const m of host.modules) if (MODULES.has(m)) add(m);
    const lines = ['Module                  Size  Used by'];
    for (const m of [...loaded].reverse()) {
      const u = loaded.filter((x) => MODULES.get(x)?.deps.includes(m));
      lines.push(
        `${left(m, 19)} ${String(MODULES.get(m)?.size ?? 0).padStart(8)}  ${u.length} ${u.join(',')}`,
      );
    }
    ctx.out(lines.join('\n') + '\n');
    return 0;
  });
}
