/** The iptables, iptables-save and iptables-restore commands of the lab shell (1.4.21). */
import { iptablesOf } from '../../../netfilter/iptables/iptables';
import type { TableName } from '../../../netfilter/iptables/tables';
import type { Host } from '../../../stack/host';
import { simple } from '../../types';
import type { CommandImpl } from '../../types';
import { ctimeText } from '../common/clock';
import { guarded, ToolExit } from '../common/toolExit';
import { iptablesRestore } from './restore';
import { iptablesExec } from './run';
import { saveTable } from './save';

export function iptablesCommand(host: Host): CommandImpl {
  return simple((ctx) => {
    const r = iptablesExec(host, ctx.argv);
    if (r.stdout) ctx.out(r.stdout);
    if (r.stderr) ctx.err(r.stderr);
    return r.status;
  });
}

export function iptablesSaveCommand(host: Host): CommandImpl {
  return simple((ctx) =>
    guarded(ctx, () => {
      const args = ctx.argv.slice(1);
      let only: string | undefined;
      let counters = false;
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === '-c' || a === '--counters') counters = true;
        else if (a === '-t' || a === '--table') only = args[++i];
        else if (a.startsWith('--table=')) only = a.slice(8);
        else throw new ToolExit(1, `Unknown arguments found on commandline\n`);
      }
      const ipt = iptablesOf(host);
      if (only !== undefined) {
        if (only !== 'filter' && only !== 'mangle')
          throw new ToolExit(1, `iptables-save: unable to initialize table '${only}'\n`);
        ipt.table(only);
      }
      const stamp = ctimeText(ctx.host.now());
      const names: TableName[] = only ? [only as TableName] : ipt.loadOrder;
      for (const n of names) ctx.out(saveTable(ipt.table(n), stamp, counters));
      return 0;
    }),
  );
}

export function iptablesRestoreCommand(host: Host): CommandImpl {
  return simple((ctx) =>
    guarded(ctx, () => {
      const args = ctx.argv.slice(1);
      const noflush = args.includes('-n') || args.includes('--noflush');
      const file = args.find((a) => !a.startsWith('-'));
      const input =
        file === undefined ? ctx.stdin : ctx.fs.read(file.startsWith('/') ? file : `${ctx.cwd}/${file}`);
      if (input === undefined) throw new ToolExit(1, `Can't open ${file}: No such file or directory\n`);
      iptablesRestore(host, input, noflush);
      return 0;
    }),
  );
}
