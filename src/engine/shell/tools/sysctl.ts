/**
 * sysctl (procps-ng 3.3.10, CentOS 7.6) over /proc/sys, so `sysctl -w`, `sysctl -p` and
 * `echo N > /proc/sys/...` meet the same files and the same errors. Each failing setting makes
 * its return code -1 (exit 255), as the C accumulates it.
 */
import type { Host } from '../../stack/host';
import type { Network } from '../../stack/network';
import { createHostFs } from '../hostFs';
import { resolvePath } from '../paths';
import { simple } from '../types';
import type { CommandContext, CommandImpl } from '../types';
import { getopt } from './common/getopt';
import { procSysIsDir, procSysPath } from './common/procSys';
import { guarded, ToolExit } from './common/toolExit';

const USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of a variables
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

interface Mode {
  names: boolean;
  values: boolean;
  binary: boolean;
  ignore: boolean;
  quiet: boolean;
  pattern?: RegExp;
}

/** `net/ipv4/ip_forward` and `net.ipv4.ip_forward` both name the key; output uses dots. */
function keyName(name: string): string {
  return name.replace(/\//g, '.');
}

function show(ctx: CommandContext, m: Mode, key: string, value: number): void {
  if (m.pattern && !m.pattern.test(key)) return;
  if (m.names) ctx.out(`${key}\n`);
  else if (!m.values) ctx.out(`${key} = ${value}\n`);
  else ctx.out(m.binary ? `${value}` : `${value}\n`);
}

function readSetting(ctx: CommandContext, host: Host, m: Mode, name: string): number {
  if (name === '') {
    ctx.err(`sysctl: "" is an unknown key\n`);
    return -1;
  }
  const key = keyName(name);
  const path = procSysPath(key);
  if (procSysIsDir(host, path)) {
    for (const k of host.sysctl.keys()) if (k.startsWith(key + '.')) show(ctx, m, k, host.sysctl.get(k) ?? 0);
    return 0;
  }
  const v = host.sysctl.get(key);
  if (v === undefined) {
    if (m.ignore) return 0;
    ctx.err(`sysctl: cannot stat ${path}: No such file or directory\n`);
    return -1;
  }
  show(ctx, m, key, v);
  return 0;
}

function writeSetting(ctx: CommandContext, host: Host, m: Mode, setting: string): number {
  const eq = setting.indexOf('=');
  if (eq < 0) {
    ctx.err(`sysctl: "${setting}" must be of the form name=value\n`);
    return -1;
  }
  const name = setting.slice(0, eq);
  const value = setting.slice(eq + 1);
  if (name === '' || value === '') {
    ctx.err(`sysctl: Malformed setting "${setting}"\n`);
    return -2;
  }
  const key = keyName(name);
  const path = procSysPath(key);
  if (procSysIsDir(host, path)) {
    ctx.err(`sysctl: setting key "${key}": Is a directory\n`);
    return 0;
  }
  if (!host.sysctl.has(key)) {
    if (m.ignore) return 0;
    ctx.err(`sysctl: cannot stat ${path}: No such file or directory\n`);
    return -1;
  }
  const err = createHostFs(host).write(path, `${value}\n`, false);
  if (err !== undefined) {
    ctx.err(`sysctl: setting key "${key}": ${err}\n`);
    return -1;
  }
  if (!m.quiet) {
    if (m.names) ctx.out(`${key}\n`);
    else if (m.values) ctx.out(m.binary ? value : `${value}\n`);
    else ctx.out(`${key} = ${value}\n`);
  }
  return 0;
}

/** Preload: `name = value` lines, `#`/`;` comments, leading `-` tolerating failure. */
function preload(ctx: CommandContext, host: Host, m: Mode, file: string): number {
  const path = file === '-' ? undefined : resolvePath(ctx.cwd, file);
  const text = path === undefined ? ctx.stdin : createHostFs(host).read(path);
  if (text === undefined) {
    ctx.err(`sysctl: cannot open "${file}": No such file or directory\n`);
    return -1;
  }
  let rc = 0;
  text.split('\n').forEach((raw, i) => {
    const t = raw.replace(/^[ \t]+/, '').replace(/[ \t\r]+$/, '');
    if (t.length < 2 || t.startsWith('#') || t.startsWith(';')) return;
    const eq = t.indexOf('=');
    let name = (eq < 0 ? t : t.slice(0, eq)).trim();
    const value = eq < 0 ? '' : t.slice(eq + 1).replace(/^[ \t]+/, '');
    if (name === '' || value === '') {
      ctx.err(`sysctl: ${file}(${i + 1}): invalid syntax, continuing...\n`);
      return;
    }
    const tolerate = name.startsWith('-');
    if (tolerate) name = name.slice(1);
    if (m.pattern && !m.pattern.test(keyName(name))) return;
    const r = writeSetting(ctx, host, tolerate ? { ...m, ignore: true } : m, `${name}=${value}`);
    if (!tolerate) rc |= r;
  });
  return rc;
}

function run(ctx: CommandContext, host: Host): number {
  if (ctx.argv.length < 2) throw new ToolExit(1, USAGE);
  const r = getopt('sysctl', ctx.argv.slice(1), {
    short: 'bneNwfp::qoxaAXr:Vdh',
    long: [
      { name: 'all', arg: 'none', key: 'a' },
      { name: 'binary', arg: 'none', key: 'b' },
      { name: 'ignore', arg: 'none', key: 'e' },
      { name: 'names', arg: 'none', key: 'N' },
      { name: 'values', arg: 'none', key: 'n' },
      { name: 'load', arg: 'optional', key: 'p' },
      { name: 'quiet', arg: 'none', key: 'q' },
      { name: 'write', arg: 'none', key: 'w' },
      { name: 'system', arg: 'none', key: 'S' },
      { name: 'pattern', arg: 'required', key: 'r' },
      { name: 'help', arg: 'none', key: 'h' },
      { name: 'version', arg: 'none', key: 'V' },
      { name: 'deprecated', arg: 'none', key: 'D' },
    ],
  });
  if (!r.ok) throw new ToolExit(1, `${r.error}\n${USAGE}`);
  const m: Mode = { names: false, values: false, binary: false, ignore: false, quiet: false };
  let write = false;
  let all = false;
  let load: string | undefined;
  for (const { key, value } of r.opts) {
    if (key === 'b') {
      m.binary = true;
      m.values = true;
    } else if (key === 'n') m.values = true;
    else if (key === 'e') m.ignore = true;
    else if (key === 'N') m.names = true;
    else if (key === 'w') write = true;
    else if (key === 'p' || key === 'f') load = value ?? '/etc/sysctl.conf';
    else if (key === 'q') m.quiet = true;
    else if (key === 'a' || key === 'A' || key === 'X') all = true;
    else if (key === 'S') throw new ToolExit(1, 'sysctl: --system is not simulated in this lab (use -p)\n');
    else if (key === 'r') m.pattern = safeRegExp(value ?? '');
    else if (key === 'V') throw new ToolExit(0, '', 'sysctl from procps-ng 3.3.10\n');
    else if (key === 'h' || key === 'd') throw new ToolExit(0, '', USAGE);
  }
  if (all) {
    for (const k of host.sysctl.keys()) show(ctx, m, k, host.sysctl.get(k) ?? 0);
    return 0;
  }
  if (load !== undefined) {
    // procps-ng 3.3.10: operands after -p are more files to load (getopt leaves them there).
    const files = r.args.length > 0 ? r.args : [load];
    return files.reduce((rc, f) => rc | preload(ctx, host, m, f), 0) & 255;
  }
  if (r.args.length === 0) throw new ToolExit(1, `sysctl: no variables specified\n${USAGE}`);
  if (m.names && m.quiet) throw new ToolExit(1, `sysctl: options -N and -q can not coexist\n${USAGE}`);
  let rc = 0;
  for (const a of r.args)
    rc += write || a.includes('=') ? writeSetting(ctx, host, m, a) : readSetting(ctx, host, m, a);
  return rc & 255;
}

/** -r takes an extended regex; one the JS engine cannot read matches nothing (regcomp failing). */
function safeRegExp(src: string): RegExp {
  try {
    return new RegExp(src);
  } catch {
    return /(?!)/;
  }
}

export function sysctlCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) => guarded(ctx, () => run(ctx, host)));
}
