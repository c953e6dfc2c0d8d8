import type { LabDefinition } from '@/engine';

/** Where the requests come from: the first client, every client at once, or round robin per request. */
export type LoadFrom = 'one' | 'all' | 'rr';
/** Which page: the index, a CGI script that sleeps (holds the connection), or a 100 KB file. */
export type LoadPage = 'index' | 'cgi' | 'large';

export interface LoadOptions {
  count: number;
  from: LoadFrom;
  concurrency: number;
  page: LoadPage;
}

export interface LoadEntry {
  host: string;
  command: string;
}

export const LOAD_COUNTS = [10, 40, 100, 200] as const;
export const LOAD_CONCURRENCY = [1, 2, 4, 8, 10, 20, 50] as const;
/** Round robin types one command per request; more than this would flood the command log. */
export const RR_MAX = 100;

const PATH: Readonly<Record<LoadPage, string>> = {
  index: '/',
  cgi: '/cgi-bin/slow',
  large: '/big',
};

/** What each real server needs before the page exists (typed into its terminal, once). */
function pageSetup(page: LoadPage): string[] {
  if (page === 'cgi')
    return [
      'mkdir -p /var/www/cgi-bin',
      "printf '#!/bin/bash\\necho Content-Type: text/plain\\necho\\nsleep 1\\nhostname\\n' > /var/www/cgi-bin/slow",
    ];
  if (page === 'large') return ['fallocate -l 100K /var/www/html/big'];
  return [];
}

/** n split into `parts` shares as even as possible, the larger ones first. */
export function shares(n: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(n / parts) + (i < n % parts ? 1 : 0));
}

/**
 * The commands that make the load, as a student would type them: page setup on each real server
 * (skipped when the log already ran it there), then `ab` on the clients, or one `curl` per request
 * for round robin. The lab is data, so the load is nothing but these typed commands.
 */
export function loadCommands(def: LabDefinition, log: readonly LoadEntry[], o: LoadOptions): LoadEntry[] {
  const clients = def.hosts.filter((h) => h.role === 'client').map((h) => h.name);
  const servers = def.hosts.filter((h) => h.role === 'rs').map((h) => h.name);
  const url = `http://${def.vip}${def.vport === 80 ? '' : `:${def.vport}`}${PATH[o.page]}`;
  const out: LoadEntry[] = [];
  const done = (host: string, command: string) => log.some((e) => e.host === host && e.command === command);
  for (const host of servers)
    for (const command of pageSetup(o.page)) if (!done(host, command)) out.push({ host, command });
  const count = Math.max(1, Math.floor(o.count));
  const conc = Math.max(1, Math.floor(o.concurrency));
  if (o.from === 'rr') {
    const quiet = `curl -s -o /dev/null -w '%{remote_ip} %{http_code}\\n' ${url}`;
    for (let i = 0; i < Math.min(count, RR_MAX); i++)
      out.push({ host: clients[i % clients.length]!, command: quiet });
    return out;
  }
  const from = o.from === 'all' ? clients : clients.slice(0, 1);
  // Several clients at once, as an instructor with a terminal on each would start them: each
  // client's ab goes to the background at the same moment, then `wait` lets them all run.
  const together = from.length > 1;
  const started: string[] = [];
  shares(count, from.length).forEach((n, i) => {
    if (n <= 0) return;
    const ab = `ab -q -n ${n} -c ${Math.min(conc, n)} ${url}`;
    out.push({ host: from[i]!, command: together ? `${ab} &` : ab });
    started.push(from[i]!);
  });
  if (together) for (const host of started) out.push({ host, command: 'wait' });
  return out;
}
