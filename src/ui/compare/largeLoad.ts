import type { LabDefinition } from '@/engine';

/** The large page both labs serve for the comparison: 1 MiB, where the link, not the round trips, sets the pace. */
export const LARGE_PATH = '/large';
const SETUP = `fallocate -l 1M /var/www/html${LARGE_PATH}`;

export interface LoadEntry {
  host: string;
  command: string;
}

/**
 * `count` requests for the large page, as typed commands: the file made once on each real server
 * (skipped when the log already made it there), then `ab` on the client with up to 4 at a time.
 */
export function largeLoadCommands(def: LabDefinition, log: readonly LoadEntry[], count: number): LoadEntry[] {
  const out: LoadEntry[] = [];
  for (const h of def.hosts)
    if (h.role === 'rs' && !log.some((e) => e.host === h.name && e.command === SETUP))
      out.push({ host: h.name, command: SETUP });
  const client = def.hosts.find((h) => h.role === 'client')?.name ?? 'client';
  const n = Math.max(1, Math.floor(count));
  const url = `http://${def.vip}${def.vport === 80 ? '' : `:${def.vport}`}${LARGE_PATH}`;
  out.push({ host: client, command: `ab -q -n ${n} -c ${Math.min(4, n)} ${url}` });
  return out;
}
