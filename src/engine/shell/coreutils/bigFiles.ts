/**
 * dd and fallocate (coreutils 8.22 / util-linux 2.23, CentOS 7): enough to make the large files
 * a web server sends in many segments. The lab's disk holds 100 MiB per file.
 */
import type { CommandContext } from '../types';
import { simple } from '../types';
import { absPath } from './common';

const MAX_FILE = 100 * 1024 * 1024;

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  c: 1,
  w: 2,
  b: 512,
  kB: 1000,
  K: 1024,
  KiB: 1024,
  MB: 1000 ** 2,
  M: 1024 ** 2,
  MiB: 1024 ** 2,
  GB: 1000 ** 3,
  G: 1024 ** 3,
  GiB: 1024 ** 3,
};

/** A size with coreutils' suffixes; undefined when it is not one. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+)([A-Za-z]*)$/.exec(text);
  const unit = UNITS[m?.[2] ?? 'x'];
  if (!m || unit === undefined) return undefined;
  return Number(m[1]) * unit;
}

/** Bytes from /dev/zero, /dev/urandom (a fixed pseudo-random pattern) or a file. */
function source(ctx: CommandContext, path: string | undefined, n: number): string | undefined {
  if (path === '/dev/zero') return '\0'.repeat(n);
  if (path === '/dev/urandom' || path === '/dev/random') {
    let x = 0x2545f491;
    let s = '';
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      s += String.fromCharCode(33 + ((x >>> 16) % 94));
    }
    return s;
  }
  if (path === undefined) return ctx.stdin.slice(0, n);
  return ctx.fs.read(absPath(ctx, path))?.slice(0, n);
}

const human = (n: number): string => {
  for (const [u, f] of [
    ['GB', 1e9],
    ['MB', 1e6],
    ['kB', 1e3],
  ] as const)
    if (n >= f) return `${n / f < 10 ? (n / f).toFixed(1) : Math.round(n / f)} ${u}`;
  return `${n} B`;
};

export const ddCommand = simple((ctx) => {
  const ops = new Map<string, string>();
  for (const a of ctx.argv.slice(1)) {
    const eq = a.indexOf('=');
    const key = a.slice(0, eq);
    if (eq <= 0 || !['if', 'of', 'bs', 'count'].includes(key)) {
      ctx.err(`dd: unrecognized operand '${a}'\nTry 'dd --help' for more information.\n`);
      return 1;
    }
    ops.set(key, a.slice(eq + 1));
  }
  const bs = parseSize(ops.get('bs') ?? '512');
  const count = ops.has('count') ? parseSize(ops.get('count')!) : undefined;
  if (bs === undefined || bs === 0 || (ops.has('count') && count === undefined)) {
    ctx.err(`dd: invalid number '${ops.get(bs === undefined || bs === 0 ? 'bs' : 'count')}'\n`);
    return 1;
  }
  const want = count === undefined ? MAX_FILE + 1 : bs * count;
  if (want > MAX_FILE && ops.get('if')?.startsWith('/dev/')) {
    ctx.err(`dd: error writing '${ops.get('of') ?? 'standard output'}': No space left on device\n`);
    return 1;
  }
  const data = source(ctx, ops.get('if'), want);
  if (data === undefined) {
    ctx.err(`dd: failed to open '${ops.get('if')}': No such file or directory\n`);
    return 1;
  }
  const of = ops.get('of');
  if (of === undefined) ctx.out(data);
  else {
    const err = ctx.fs.write(absPath(ctx, of), data, false);
    if (err !== undefined) {
      ctx.err(`dd: failed to open '${of}': ${err}\n`);
      return 1;
    }
  }
  const full = Math.floor(data.length / bs);
  const part = data.length % bs ? 1 : 0;
  // The copy's duration is not modelled: dd reports memory speed (about 1 GB/s).
  const secs = data.length / 1e9 + 0.000_05;
  ctx.err(
    `${full}+${part} records in\n${full}+${part} records out\n${data.length} bytes (${human(data.length)}) copied, ${secs.toPrecision(6)} s, ${human(Math.round(data.length / secs))}/s\n`,
  );
  return 0;
});

export const fallocateCommand = simple((ctx) => {
  const a = ctx.argv.slice(1);
  const i = a.findIndex((x) => x === '-l' || x === '--length');
  const len = i >= 0 ? parseSize(a[i + 1] ?? '') : undefined;
  const file = a.filter((_, k) => k !== i && k !== i + 1)[0];
  if (i < 0 || file === undefined || a.length !== 3) {
    ctx.err('fallocate: no length argument specified\nUsage:\n fallocate [options] <filename>\n');
    return 1;
  }
  if (len === undefined || len === 0) {
    ctx.err(`fallocate: invalid length value specified\n`);
    return 1;
  }
  if (len > MAX_FILE) {
    ctx.err(`fallocate: ${file}: fallocate failed: No space left on device\n`);
    return 1;
  }
  const err = ctx.fs.write(absPath(ctx, file), '\0'.repeat(len), false);
  if (err !== undefined) {
    ctx.err(`fallocate: cannot open ${file}: ${err}\n`);
    return 1;
  }
  return 0;
});
