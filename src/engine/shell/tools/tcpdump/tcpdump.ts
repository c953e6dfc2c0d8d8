/**
 * tcpdump 4.9.2 / libpcap 1.5.3 (CentOS 7.6). In the foreground it prints packets until -c is
 * reached or Ctrl-C, then its statistics. The same capture can run in the background through
 * `startCapture` (capture.ts); `parseTcpdumpArgs` gives the options for it.
 */
import type { Host } from '../../../stack/host';
import type { Network } from '../../../stack/network';
import type { CommandContext, CommandImpl, Wait } from '../../types';
import { getopt } from '../common/getopt';
import { startCapture } from './capture';
import type { CaptureOptions } from './capture';
import { untilDone } from '../../untilDone';

const USAGE = `tcpdump version 4.9.2
libpcap version 1.5.3
OpenSSL 1.0.2k-fips  26 Jan 2017
Usage: tcpdump [-aAbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ]
\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]
\t\t[ -i interface ] [ -j tstamptype ] [ -M secret ] [ --number ]
\t\t[ -Q in|out|inout ]
\t\t[ -r file ] [ -s snaplen ] [ --time-stamp-precision precision ]
\t\t[ --immediate-mode ] [ -T type ] [ --version ] [ -V file ]
\t\t[ -w file ] [ -W filecount ] [ -y datalinktype ] [ -z postrotate-command ]
\t\t[ -Z user ] [ expression ]
`;

export type TcpdumpArgs =
  | { ok: true; opts: CaptureOptions; listDevices: boolean }
  | { ok: false; stderr: string; stdout?: string; status: number };

const UNSIMULATED = new Set([
  'w',
  'r',
  'v',
  'x',
  'X',
  'A',
  'C',
  'W',
  'G',
  'F',
  'V',
  'z',
  'Z',
  'E',
  'M',
  'T',
  'y',
  'B',
  'j',
  'Q',
  'K',
  'L',
  'I',
  'J',
  'd',
]);

/** tcpdump's command line (getopt with permutation, so options may follow the filter). */
export function parseTcpdumpArgs(argv: readonly string[]): TcpdumpArgs {
  const r = getopt('tcpdump', argv, {
    short: 'aAbc:C:dDeE:fF:G:hHi:IjJKlLm:M:nNOpqQ:r:Rs:StT:uUvV:w:W:xXy:Yz:Z:#',
    long: [
      { name: 'version', arg: 'none', key: 'version' },
      { name: 'help', arg: 'none', key: 'h' },
      { name: 'number', arg: 'none', key: '#' },
      { name: 'immediate-mode', arg: 'none', key: 'U' },
      { name: 'interface', arg: 'required', key: 'i' },
      { name: 'list-interfaces', arg: 'none', key: 'D' },
    ],
  });
  if (!r.ok) return { ok: false, stderr: `${r.error}\n${USAGE}`, status: 1 };
  const o: CaptureOptions = {
    numeric: 0,
    link: false,
    tsMode: 0,
    absoluteSeq: false,
    quiet: false,
    snaplen: 262144,
    filter: r.args,
  };
  let listDevices = false;
  for (const { key, value = '' } of r.opts) {
    if (key === 'i') o.dev = value;
    else if (key === 'n') o.numeric++;
    else if (key === 'e') o.link = true;
    else if (key === 't') o.tsMode++;
    else if (key === 'S') o.absoluteSeq = true;
    else if (key === 'q') o.quiet = true;
    else if (key === 'D') listDevices = true;
    else if (key === 'c') {
      const n = /^\s*[-+]?\d+/.test(value) ? parseInt(value, 10) : 0;
      if (n <= 0) return { ok: false, stderr: `tcpdump: invalid packet count ${value}\n`, status: 1 };
      o.count = n;
    } else if (key === 's') {
      const n = /^\d+$/.test(value) ? Number(value) : -1;
      if (n < 0 || n > 262144) return { ok: false, stderr: `tcpdump: invalid snaplen ${value}\n`, status: 1 };
      o.snaplen = n === 0 ? 262144 : n;
    } else if (key === 'version') return { ok: false, stderr: USAGE.split('Usage')[0] ?? '', status: 0 };
    else if (key === 'h') return { ok: false, stderr: USAGE, status: 0 };
    else if (UNSIMULATED.has(key))
      return {
        ok: false,
        stderr: `tcpdump: option -${key} is not simulated in this lab (the CLI's --pcap writes captures)\n`,
        status: 1,
      };
  }
  return { ok: true, opts: o, listDevices };
}

/** `tcpdump -D`. */
function listInterfaces(host: Host): string {
  const devs = [...host.devices.values()].sort((a, b) => a.index - b.index);
  const lines = devs.filter((d) => d.kind !== 'loopback').map((d) => d.name);
  lines.push(
    'nflog (Linux netfilter log (NFLOG) interface)',
    'nfqueue (Linux netfilter queue (NFQUEUE) interface)',
    'any (Pseudo-device that captures on all interfaces)',
    'lo [Loopback]',
  );
  return lines.map((l, i) => `${i + 1}.${l}\n`).join('');
}

export function tcpdumpCommand(host: Host, net: Network): CommandImpl {
  return (ctx) => tcpdump(ctx, host, net);
}

/** Module level, not a generator made per host: see curlCommand (curl.ts). */
function* tcpdump(ctx: CommandContext, host: Host, net: Network): Generator<Wait, number, void> {
  const a = parseTcpdumpArgs(ctx.argv.slice(1));
  if (!a.ok) {
    ctx.err(a.stderr);
    return a.status;
  }
  if (a.listDevices) {
    ctx.out(listInterfaces(host));
    return 0;
  }
  const started = startCapture(host, net, a.opts, (line) => ctx.out(line + '\n'));
  if (!started.ok) {
    ctx.err(started.stderr);
    return started.status;
  }
  const h = started.handle;
  ctx.err(started.banner.join('\n') + '\n');
  let finished = false;
  try {
    if (!h.done) yield untilDone(h);
    finished = true;
  } finally {
    ctx.err((finished ? '' : '\n') + h.stop().join('\n') + '\n');
  }
  return 0;
}
