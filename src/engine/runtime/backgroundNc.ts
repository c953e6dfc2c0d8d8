import type { NcatHandle } from '../apps/ncat';
import type { Host } from '../stack/host';
import { parseNcArgs } from '../shell/tools/nc/ncArgs';
import { startNc } from '../shell/tools/nc/nc';
import { ToolExit } from '../shell/tools/common/toolExit';

/**
 * `nc -l … &` in a transcript keeps listening in the background (the shell has no job control):
 * it returns at once, and what it prints appears in the output of the commands during which it
 * arrived, as a background tcpdump's lines do. Only a plain line ending in `&` is taken this way.
 */
const PLAIN_NC_BG = /^\s*(nc|ncat)(\s+[^;&|<>`$()'"\\]*)?&\s*$/;

export type BackgroundNcStart =
  | { kind: 'not-background' }
  | { kind: 'failed'; stderr: string; exit: number }
  | { kind: 'started'; handle: NcatHandle };

/** Every command that is not a background nc gets this one answer: nothing made per command. */
const NOT_BACKGROUND: BackgroundNcStart = Object.freeze({ kind: 'not-background' });

export function startBackgroundNc(
  host: Host,
  command: string,
  /** /etc/hosts of `host`, read only for a background nc (every command passes through here). */
  hostsFile: (host: Host) => string | undefined,
  io: { out(s: string): void; err(s: string): void },
): BackgroundNcStart {
  // Every command passes here: most have no `&`, which is cheaper to look for than to match.
  if (!command.includes('&') || !PLAIN_NC_BG.test(command)) return NOT_BACKGROUND;
  const argv = command.replace(/&\s*$/, '').trim().split(/\s+/);
  try {
    const o = parseNcArgs(argv[0] ?? 'nc', argv.slice(1));
    if (!o.listen) return NOT_BACKGROUND;
    const handle = startNc(host, o, '', hostsFile(host), io);
    if (handle.done) return { kind: 'failed', stderr: '', exit: handle.exit };
    return { kind: 'started', handle };
  } catch (e) {
    if (!(e instanceof ToolExit)) throw e;
    return { kind: 'failed', stderr: e.stderr, exit: e.status };
  }
}
