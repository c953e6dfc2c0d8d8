/**
 * -b: ipvsadm's parse_sched_flags (flag-N always; sh-* only with sh, mh-* only with mh, checked
 * against -s or the default wlc) and print_sched_flags (names chosen by the scheduler).
 */
import { fail, IpvsadmExit } from './errors';
import type { SvcSpec } from './entry';

export type SchedFlags = SvcSpec['schedFlags'];

const DEF_SCHED = 'wlc';

const FLAG_BITS: Record<string, [keyof SchedFlags, string | undefined]> = {
  'flag-1': ['flag1', undefined],
  'flag-2': ['flag2', undefined],
  'flag-3': ['flag3', undefined],
  'sh-fallback': ['flag1', 'sh'],
  'sh-port': ['flag2', 'sh'],
  'mh-fallback': ['flag1', 'mh'],
  'mh-port': ['flag2', 'mh'],
};

export function parseSchedFlags(schedName: string, arg: string): SchedFlags {
  const sched = schedName === '' ? DEF_SCHED : schedName;
  const flags: SchedFlags = { flag1: false, flag2: false, flag3: false };
  // strtok skips empty fields; a list of nothing but commas hands strcmp a NULL pointer.
  const tokens = arg.split(',').filter((t) => t !== '');
  if (tokens.length === 0) throw new IpvsadmExit(139, 'Segmentation fault\n');
  for (const flag of tokens) {
    const def = FLAG_BITS[flag];
    if (!def) fail(`invalid scheduler flag \`${flag}'`);
    flags[def[0]] = true;
    if (def[1] !== undefined && def[1] !== sched) fail(`incompatible scheduler flag \`${flag}'`);
  }
  return flags;
}

export const anySchedFlag = (f: SchedFlags): boolean => f.flag1 || f.flag2 || f.flag3;

/** print_sched_flags: the comma list, which is empty for sh/mh with only flag-3 set. */
export function schedFlagsText(sched: string, f: SchedFlags): string {
  let names: [boolean, string][];
  if (sched === 'sh')
    names = [
      [f.flag1, 'sh-fallback'],
      [f.flag2, 'sh-port'],
    ];
  else if (sched === 'mh')
    names = [
      [f.flag1, 'mh-fallback'],
      [f.flag2, 'mh-port'],
    ];
  else
    names = [
      [f.flag1, 'flag-1'],
      [f.flag2, 'flag-2'],
      [f.flag3, 'flag-3'],
    ];
  return names
    .filter(([on]) => on)
    .map(([, n]) => n)
    .join(',');
}
