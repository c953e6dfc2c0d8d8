/**
 * GNU getopt_long as glibc runs it for C tools (route, arp, sysctl, ping, ss, tcpdump):
 * clustered short options, `-cVALUE` / `-c VALUE`, `--long[=value]` with unique-prefix
 * matching, permutation of operands (unless `posix`), `--` ends options. Errors carry glibc's
 * wording so each tool can print them unchanged.
 */

export type ArgKind = 'none' | 'required' | 'optional';

export interface LongOpt {
  name: string;
  arg: ArgKind;
  /** The short letter (or any key) it stands for. */
  key: string;
}

export interface GetoptSpec {
  /** getopt's optstring: `c:` takes an argument, `p::` an optional one. */
  short: string;
  long?: readonly LongOpt[];
  /** Stop at the first operand (POSIXLY_CORRECT or a leading '+'). */
  posix?: boolean;
}

export interface Opt {
  key: string;
  value?: string;
}

export type GetoptResult =
  { ok: true; opts: Opt[]; args: string[] } | { ok: false; error: string; opts: Opt[] };

function shortKind(spec: string, c: string): ArgKind | undefined {
  const i = spec.indexOf(c);
  if (i < 0 || c === ':') return undefined;
  if (spec[i + 1] !== ':') return 'none';
  return spec[i + 2] === ':' ? 'optional' : 'required';
}

function findLong(long: readonly LongOpt[], name: string): LongOpt | 'ambiguous' | undefined {
  const exact = long.find((l) => l.name === name);
  if (exact) return exact;
  const cands = long.filter((l) => l.name.startsWith(name));
  const keys = new Set(cands.map((c) => c.key));
  if (cands.length === 0) return undefined;
  return keys.size === 1 ? cands[0] : 'ambiguous';
}

/** Parse argv (without argv[0]); `prog` prefixes the error messages. */
export function getopt(prog: string, argv: readonly string[], spec: GetoptSpec): GetoptResult {
  const opts: Opt[] = [];
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      if (spec.posix) {
        args.push(...argv.slice(i));
        break;
      }
      args.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const r = parseLong(prog, a, argv[i + 1], spec.long ?? []);
      if ('error' in r) return { ok: false, error: r.error, opts };
      opts.push(r.opt);
      if (r.consumed) i++;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      const kind = shortKind(spec.short, c);
      if (kind === undefined) return { ok: false, error: `${prog}: invalid option -- '${c}'`, opts };
      if (kind === 'none') {
        opts.push({ key: c });
        continue;
      }
      const rest = a.slice(j + 1);
      if (rest !== '') opts.push({ key: c, value: rest });
      else if (kind === 'optional') opts.push({ key: c });
      else {
        const next = argv[i + 1];
        if (next === undefined)
          return { ok: false, error: `${prog}: option requires an argument -- '${c}'`, opts };
        opts.push({ key: c, value: next });
        i++;
      }
      break;
    }
  }
  return { ok: true, opts, args };
}

function parseLong(
  prog: string,
  a: string,
  next: string | undefined,
  long: readonly LongOpt[],
): { opt: Opt; consumed: boolean } | { error: string } {
  const eq = a.indexOf('=');
  const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
  const found = findLong(long, name);
  if (found === undefined) return { error: `${prog}: unrecognized option '--${name}'` };
  if (found === 'ambiguous') return { error: `${prog}: option '--${name}' is ambiguous` };
  if (eq >= 0) {
    if (found.arg === 'none') return { error: `${prog}: option '--${found.name}' doesn't allow an argument` };
    return { opt: { key: found.key, value: a.slice(eq + 1) }, consumed: false };
  }
  if (found.arg !== 'required') return { opt: { key: found.key }, consumed: false };
  if (next === undefined) return { error: `${prog}: option '--${found.name}' requires an argument` };
  return { opt: { key: found.key, value: next }, consumed: true };
}
