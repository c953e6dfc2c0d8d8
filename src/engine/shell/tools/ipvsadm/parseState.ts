/** What the option handlers share while ipvsadm's option loop runs. */
import type { CommandEntry } from './entry';
import { fail } from './errors';
import { stringToNumber } from './cnum';
import type { OptName } from './legality';
import type { Resolver } from './netdb';

export interface ParseState {
  ce: CommandEntry;
  names: Resolver;
  /** The raw -b argument, parsed once the loop is over (it depends on -s). */
  schedFlagsArg: string;
}

export type Handler = (p: ParseState, arg: string | undefined) => void;

/** set_option. */
export function setOption(p: ParseState, name: OptName): void {
  if (p.ce.options.has(name)) fail(`multiple '${name}' options specified`);
  p.ce.options.add(name);
}

/** string_to_number or fail with `msg`. */
export function numberOr(arg: string | undefined, min: number, max: number, msg: string): number {
  const v = stringToNumber(arg ?? '', min, max);
  if (v === undefined) fail(msg);
  return v;
}
