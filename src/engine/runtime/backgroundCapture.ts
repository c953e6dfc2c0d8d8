import type { Host } from '../stack/host';
import type { Network } from '../stack/network';
import { startCapture } from '../shell/tools/tcpdump/capture';
import type { CaptureHandle } from '../shell/tools/tcpdump/capture';
import { parseTcpdumpArgs } from '../shell/tools/tcpdump/tcpdump';

/**
 * tcpdump in a transcript runs in the background, as it would in a second terminal: it
 * returns at once with its banner, and the frames it captures are printed while later commands
 * run (README, "The headless lab runner"). Only a plain `tcpdump …` line (optionally ending in `&`) is taken this way.
 */
const PLAIN_TCPDUMP = /^\s*tcpdump(\s+[^;&|<>`$()'"\\]*)?\s*&?\s*$/;

export interface BackgroundCapture {
  host: string;
  handle: CaptureHandle;
}

export type BackgroundStart =
  | { kind: 'not-background' }
  | { kind: 'failed'; stdout: string; stderr: string; exit: number }
  | { kind: 'started'; capture: BackgroundCapture; stderr: string };

/** Every command that is not a background tcpdump gets this one answer: nothing made per command. */
const NOT_BACKGROUND: BackgroundStart = Object.freeze({ kind: 'not-background' });

export function startBackgroundTcpdump(
  host: Host,
  net: Network,
  command: string,
  sink: (line: string) => void,
): BackgroundStart {
  // Every command passes here: most lack the word, which is cheaper to look for than to match.
  if (!command.includes('tcpdump') || !PLAIN_TCPDUMP.test(command)) return NOT_BACKGROUND;
  const argv = command.replace(/&\s*$/, '').trim().split(/\s+/).slice(1);
  const a = parseTcpdumpArgs(argv);
  if (!a.ok) return { kind: 'failed', stdout: a.stdout ?? '', stderr: a.stderr, exit: a.status };
  if (a.listDevices) return NOT_BACKGROUND;
  const s = startCapture(host, net, a.opts, sink);
  if (!s.ok) return { kind: 'failed', stdout: '', stderr: s.stderr, exit: s.status };
  return {
    kind: 'started',
    capture: { host: host.name, handle: s.handle },
    stderr: `${s.banner.join('\n')}\n`,
  };
}
