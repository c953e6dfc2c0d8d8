/** nmap-ncat 7.50's command line: the options the lab runs (-u -l -k -w -i -s -p -v -n -e -c), errors as ncat words them. */
import { getopt } from '../common/getopt';
import type { LongOpt } from '../common/getopt';
import { ToolExit } from '../common/toolExit';

export interface NcOpts {
  udp: boolean;
  listen: boolean;
  keep: boolean;
  verbose: number;
  waitUs?: number;
  idleUs?: number;
  source?: string;
  sourcePort?: number;
  exec?: string;
  host?: string;
  port?: number;
}

const LONG: readonly LongOpt[] = [
  { name: 'udp', arg: 'none', key: 'u' },
  { name: 'listen', arg: 'none', key: 'l' },
  { name: 'keep-open', arg: 'none', key: 'k' },
  { name: 'wait', arg: 'required', key: 'w' },
  { name: 'idle-timeout', arg: 'required', key: 'i' },
  { name: 'source', arg: 'required', key: 's' },
  { name: 'source-port', arg: 'required', key: 'p' },
  { name: 'verbose', arg: 'none', key: 'v' },
  { name: 'nodns', arg: 'none', key: 'n' },
  { name: 'exec', arg: 'required', key: 'e' },
  { name: 'sh-exec', arg: 'required', key: 'c' },
  { name: 'ipv4', arg: 'none', key: '4' },
];

export function quit(msg: string): never {
  throw new ToolExit(2, `Ncat: ${msg} QUITTING.\n`);
}

/** ncat's time specs: a number of seconds, or with ms/s/m/h. */
function timeUs(text: string, opt: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text);
  if (!m) quit(`Invalid ${opt} time "${text}".`);
  const mult = { ms: 1e3, s: 1e6, m: 60e6, h: 3600e6 }[m[2] ?? 's'] ?? 1e6;
  const us = Math.round(Number(m[1]) * mult);
  if (us <= 0) quit(`Invalid ${opt} time "${text}".`);
  return us;
}

function port(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) quit(`Invalid port number "${text}".`);
  return Number(text);
}

export function parseNcArgs(prog: string, argv: readonly string[]): NcOpts {
  const r = getopt(prog, argv, { short: '46uklvnw:i:s:p:e:c:', long: LONG });
  if (!r.ok) {
    throw new ToolExit(
      2,
      `${r.error}\nNcat: Try \`--help' or man(1) ncat for more information, usage options and help. QUITTING.\n`,
    );
  }
  const o: NcOpts = { udp: false, listen: false, keep: false, verbose: 0 };
  for (const { key, value } of r.opts) {
    if (key === 'u') o.udp = true;
    else if (key === 'l') o.listen = true;
    else if (key === 'k') o.keep = true;
    else if (key === 'v') o.verbose++;
    else if (key === 'w') o.waitUs = timeUs(value ?? '', 'wait');
    else if (key === 'i') o.idleUs = timeUs(value ?? '', 'idle-timeout');
    else if (key === 's') o.source = value ?? '';
    else if (key === 'p') o.sourcePort = port(value ?? '');
    else if (key === 'e' || key === 'c') o.exec = value ?? '';
  }
  const ops = r.args;
  if (o.listen) {
    if (ops.length > 2) quit('Got more than two arguments.');
    const last = ops.at(-1);
    if (ops.length === 2) o.host = ops[0]!;
    if (last !== undefined && /^\d+$/.test(last)) o.port = port(last);
    else if (last !== undefined) o.host = last;
    o.port ??= o.sourcePort ?? 31337;
  } else {
    if (ops.length === 0) quit('You must specify a host to connect to.');
    if (ops.length > 2) quit('Got more than two arguments.');
    o.host = ops[0]!;
    o.port = ops[1] === undefined ? 31337 : port(ops[1]);
  }
  if (o.keep && !o.listen) quit('Option -k or --keep-open only works with -l.');
  if (o.udp && o.keep && o.exec === undefined)
    quit('UDP mode does not support the -k or --keep-open options, except with --exec or --sh-exec.');
  if (o.exec !== undefined && !/^(\/bin\/|\/usr\/bin\/)?cat$/.test(o.exec.trim()))
    quit(`Only cat can be run by --exec or --sh-exec in this lab ("${o.exec}").`);
  return o;
}
