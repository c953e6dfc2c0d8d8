/**
 * journalctl (systemd 219) over the lab's journal: `-u UNIT`, `-n N`, `--no-pager`, `-e`.
 * The journal holds what the lab's daemons log (keepalived and its unit's systemd lines).
 */
import { formatEntry, journalOf } from '../../keepalived/syslog';
import type { Host } from '../../stack/host';
import type { Network } from '../../stack/network';
import { simple } from '../types';
import type { CommandContext, CommandImpl } from '../types';
import { systemdTimestamp } from './common/clock';
import { guarded, ToolExit } from './common/toolExit';

function run(ctx: CommandContext, host: Host): number {
  const args = ctx.argv.slice(1);
  let unit: string | undefined;
  let lines: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-u' || a === '--unit') unit = args[++i];
    else if (a.startsWith('--unit=')) unit = a.slice(7);
    else if (a === '-n' || a === '--lines') lines = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) lines = Number(a.slice(2));
    else if (a === '--no-pager' || a === '-e' || a === '-l' || a === '--full' || a === '-x') continue;
    else if (a === '-f' || a === '--follow')
      throw new ToolExit(
        1,
        'journalctl: following the journal is not simulated in this lab; run it again later\n',
      );
    else if (a.startsWith('-')) throw new ToolExit(1, `journalctl: unrecognized option '${a}'\n`);
    else throw new ToolExit(1, 'Failed to add match: Invalid argument\n');
    if (unit === undefined && (a === '-u' || a === '--unit'))
      throw new ToolExit(1, "journalctl: option requires an argument -- 'u'\n");
  }
  if (lines !== undefined && (!Number.isInteger(lines) || lines < 0))
    throw new ToolExit(1, `Failed to parse lines '${String(lines)}'\n`);
  const want = unit === undefined ? undefined : /\.\w+$/.test(unit) ? unit : `${unit}.service`;
  let entries = journalOf(host).filter((e) => want === undefined || e.unit === want);
  if (lines !== undefined) entries = entries.slice(Math.max(0, entries.length - lines));
  const first = journalOf(host)[0];
  ctx.out(
    `-- Logs begin at ${systemdTimestamp(first?.t ?? 0)}, end at ${systemdTimestamp(host.sim.now)}. --\n`,
  );
  if (entries.length === 0) ctx.out('-- No entries --\n');
  for (const e of entries) ctx.out(`${formatEntry(host, e)}\n`);
  return 0;
}

export function journalctlCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) => guarded(ctx, () => run(ctx, host)));
}
