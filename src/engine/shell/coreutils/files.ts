/** chmod, mkdir, touch, rm, ls on the ShellFs. */
import { parentOf } from '../paths';
import type { CommandContext } from '../types';
import { simple } from '../types';
import { absPath, parseOptions, usageError } from './common';

/** Apply an octal or symbolic (`+x`, `u+x,go-w`, `a=r`) mode to `current`. */
export function applyMode(spec: string, current: number, isDir: boolean): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = current;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] === '' || m[1]?.includes('a') ? 'ugo' : (m[1] ?? '');
    let bits = 0;
    for (const p of m[3] ?? '') {
      const base =
        p === 'r'
          ? 4
          : p === 'w'
            ? 2
            : p === 'x' || (p === 'X' && (isDir || (current & 0o111) !== 0))
              ? 1
              : 0;
      for (const w of who) bits |= base << (w === 'u' ? 6 : w === 'g' ? 3 : 0);
    }
    let mask = 0;
    for (const w of who) mask |= 7 << (w === 'u' ? 6 : w === 'g' ? 3 : 0);
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else mode = (mode & ~mask) | bits;
  }
  return mode;
}

export const chmodCommand = simple((ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '-R' && a !== '-v');
  const [spec, ...files] = args;
  if (spec === undefined) return usageError(ctx, 'chmod', 'missing operand');
  if (files.length === 0) return usageError(ctx, 'chmod', `missing operand after '${spec}'`);
  let status = 0;
  for (const f of files) {
    const path = absPath(ctx, f);
    if (!ctx.fs.exists(path)) {
      ctx.err(`chmod: cannot access '${f}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const isDir = ctx.fs.isDir(path);
    const mode = applyMode(spec, ctx.fs.mode?.(path) ?? (isDir ? 0o755 : 0o644), isDir);
    if (mode === undefined) return usageError(ctx, 'chmod', `invalid mode: '${spec}'`);
    const error = ctx.fs.chmod?.(path, mode);
    if (error !== undefined) {
      ctx.err(`chmod: changing permissions of '${f}': ${error}\n`);
      status = 1;
    }
  }
  return status;
});

function mkdirOne(ctx: CommandContext, name: string, parents: boolean): boolean {
  const path = absPath(ctx, name);
  const fail = (why: string): boolean => {
    ctx.err(`mkdir: cannot create directory '${name}': ${why}\n`);
    return false;
  };
  if (!ctx.fs.mkdir) return fail('Operation not supported');
  if (parents) {
    const segs = path.split('/').filter((s) => s !== '');
    let cur = '';
    for (const s of segs) {
      cur += '/' + s;
      if (ctx.fs.isDir(cur)) continue;
      const err = ctx.fs.mkdir(cur);
      if (err !== undefined) return fail(err);
    }
    return true;
  }
  if (ctx.fs.exists(path)) return fail('File exists');
  if (!ctx.fs.isDir(parentOf(path))) return fail('No such file or directory');
  const err = ctx.fs.mkdir(path);
  return err === undefined || fail(err);
}

export const mkdirCommand = simple((ctx) => {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 'pv', 'm');
  if (bad !== undefined) return usageError(ctx, 'mkdir', `invalid option -- '${bad}'`);
  if (operands.length === 0) return usageError(ctx, 'mkdir', 'missing operand');
  let ok = true;
  for (const name of operands) ok = mkdirOne(ctx, name, flags.has('p')) && ok;
  return ok ? 0 : 1;
});

export const touchCommand = simple((ctx) => {
  const operands = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (operands.length === 0) return usageError(ctx, 'touch', 'missing file operand');
  let status = 0;
  for (const name of operands) {
    const path = absPath(ctx, name);
    if (ctx.fs.exists(path)) continue;
    const error = ctx.fs.isDir(parentOf(path)) ? ctx.fs.write(path, '', true) : 'No such file or directory';
    if (error !== undefined) {
      ctx.err(`touch: cannot touch '${name}': ${error}\n`);
      status = 1;
    }
  }
  return status;
});

function removeTree(ctx: CommandContext, path: string): string | undefined {
  if (ctx.fs.isDir(path)) {
    for (const entry of ctx.fs.list?.(path) ?? []) {
      const err = removeTree(ctx, path === '/' ? '/' + entry : path + '/' + entry);
      if (err !== undefined) return err;
    }
  }
  return ctx.fs.remove ? ctx.fs.remove(path) : 'Operation not permitted';
}

export const rmCommand = simple((ctx) => {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 'rRfiv');
  if (bad !== undefined) return usageError(ctx, 'rm', `invalid option -- '${bad}'`);
  const force = flags.has('f');
  if (operands.length === 0) return force ? 0 : usageError(ctx, 'rm', 'missing operand');
  let status = 0;
  for (const name of operands) {
    const path = absPath(ctx, name);
    let error: string | undefined;
    if (!ctx.fs.exists(path)) error = force ? undefined : 'No such file or directory';
    else if (ctx.fs.isDir(path) && !flags.has('r') && !flags.has('R')) error = 'Is a directory';
    else error = removeTree(ctx, path);
    if (error !== undefined) {
      ctx.err(`rm: cannot remove '${name}': ${error}\n`);
      status = 1;
    }
  }
  return status;
});

function modeString(mode: number, isDir: boolean): string {
  const rwx = (b: number): string => `${b & 4 ? 'r' : '-'}${b & 2 ? 'w' : '-'}${b & 1 ? 'x' : '-'}`;
  return (isDir ? 'd' : '-') + rwx(mode >> 6) + rwx(mode >> 3) + rwx(mode);
}

export const lsCommand = simple((ctx) => {
  const { flags, operands, bad } = parseOptions(ctx.argv.slice(1), 'laA1dhF');
  if (bad !== undefined) return usageError(ctx, 'ls', `invalid option -- '${bad}'`);
  const long = flags.has('l');
  let status = 0;
  const names: [string, string][] = [];
  for (const name of operands.length > 0 ? operands : ['.']) {
    const path = absPath(ctx, name);
    if (!ctx.fs.exists(path) && !ctx.fs.isDir(path)) {
      ctx.err(`ls: cannot access '${name}': No such file or directory\n`);
      status = 2;
    } else if (ctx.fs.isDir(path) && !flags.has('d')) {
      const entries = (ctx.fs.list?.(path) ?? []).filter(
        (e) => flags.has('a') || flags.has('A') || !e.startsWith('.'),
      );
      for (const e of entries) names.push([e, path === '/' ? '/' + e : `${path}/${e}`]);
    } else names.push([name, path]);
  }
  if (long) {
    for (const [name, path] of names) {
      const isDir = ctx.fs.isDir(path);
      const mode = ctx.fs.mode?.(path) ?? (isDir ? 0o755 : 0o644);
      const size = isDir ? 4096 : (ctx.fs.read(path) ?? '').length;
      ctx.out(`${modeString(mode, isDir)} 1 root root ${String(size).padStart(5)} Jan  1 00:00 ${name}\n`);
    }
  } else if (names.length > 0) {
    const line = names.map(([n]) => n).join('  ');
    ctx.out(flags.has('1') || line.length > 80 ? names.map(([n]) => n).join('\n') + '\n' : line + '\n');
  }
  return status;
});
