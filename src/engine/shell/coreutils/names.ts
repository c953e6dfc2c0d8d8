/** basename, dirname, hostname, env / printenv. */
import { baseName, dirName } from '../paths';
import { simple } from '../types';
import { usageError } from './common';

export const basenameCommand = simple((ctx) => {
  const args = ctx.argv.slice(1);
  let suffix: string | undefined;
  let multiple = false;
  while (args.length > 0 && /^-[as]/.test(args[0] ?? '')) {
    const a = args.shift() ?? '';
    multiple = true;
    if (a.startsWith('-s')) suffix = a.length > 2 ? a.slice(2) : args.shift();
  }
  if (args.length === 0) return usageError(ctx, 'basename', 'missing operand');
  if (!multiple) {
    if (args.length > 2) return usageError(ctx, 'basename', `extra operand '${args[2] ?? ''}'`);
    suffix = args[1];
    args.splice(1);
  }
  for (const a of args) {
    let b = baseName(a);
    if (suffix !== undefined && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
    ctx.out(b + '\n');
  }
  return 0;
});

export const dirnameCommand = simple((ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) return usageError(ctx, 'dirname', 'missing operand');
  for (const a of args) ctx.out(dirName(a) + '\n');
  return 0;
});

export const hostnameCommand = simple((ctx) => {
  const arg = ctx.argv[1];
  if (arg === undefined || arg === '-f' || arg === '--fqdn') ctx.out(ctx.host.hostname + '\n');
  else if (arg === '-s' || arg === '--short') ctx.out((ctx.host.hostname.split('.')[0] ?? '') + '\n');
  else {
    ctx.err('hostname: changing the host name is not supported in this lab\n');
    return 1;
  }
  return 0;
});

/** `env` / `printenv` with no command: print the environment. */
export const envCommand = simple((ctx) => {
  const names = ctx.argv.slice(1);
  if (ctx.argv[0] === 'printenv' && names.length > 0) {
    let status = 0;
    for (const n of names) {
      const v = ctx.env.get(n);
      if (v === undefined) status = 1;
      else ctx.out(v + '\n');
    }
    return status;
  }
  if (names.length > 0) {
    ctx.err(`${ctx.argv[0] ?? 'env'}: running a command through env is not supported in this lab\n`);
    return 125;
  }
  for (const [k, v] of ctx.env) ctx.out(`${k}=${v}\n`);
  return 0;
});
