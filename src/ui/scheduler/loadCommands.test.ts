import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { engine, loadEngine } from '@/store/engine';
import { connSeries, clientMap } from './connSeries';
import { loadCommands, shares } from './loadCommands';
import type { LoadOptions } from './loadCommands';

const seed = fuzzSeed();

describe('the load form types real commands', () => {
  test('all 8 clients share 100 requests with ab -c 10; each real server gets the page once', async () => {
    await loadEngine();
    const def = engine().getLab('nat', { servers: 8, clients: 8 })!;
    const o: LoadOptions = { count: 100, from: 'all', concurrency: 10, page: 'cgi' };
    const cmds = loadCommands(def, [], o);
    const setup = cmds.filter((c) => c.host.startsWith('rs'));
    expect(new Set(setup.map((c) => c.host)).size).toBe(8);
    const ab = cmds.filter((c) => c.command.startsWith('ab '));
    const clients = def.hosts.filter((h) => h.role === 'client').map((h) => h.name);
    expect(ab.map((c) => c.host)).toEqual(clients);
    const total = ab.reduce((s, c) => s + Number(/-n (\d+)/.exec(c.command)![1]), 0);
    expect(total).toBe(100);
    // All at once: every ab goes to the background, then each client waits for its own.
    expect(ab[0]!.command).toBe('ab -q -n 13 -c 10 http://172.16.132.18/cgi-bin/slow &');
    expect(cmds.slice(-8)).toEqual(clients.map((host) => ({ host, command: 'wait' })));
    // Typed again, the setup already in the log is not repeated.
    expect(loadCommands(def, cmds, o).filter((c) => c.host.startsWith('rs'))).toEqual([]);
  });

  test('run through the engine, lc with overlapping CGI requests: the charts follow the trace', async () => {
    await loadEngine();
    const rt = engine().LabRuntime.create('nat', { servers: 3, clients: 2 });
    rt.exec({ host: 'director', command: 'ipvsadm -E -t 172.16.132.18:80 -s lc' });
    const o: LoadOptions = { count: 12, from: 'all', concurrency: 6, page: 'cgi' };
    for (const c of loadCommands(rt.def, [], o)) expect(rt.exec(c).exit, c.command).toBe(0);
    const end = rt.trace.length;
    const series = connSeries(rt.trace, end);
    expect(series.lines.map((l) => l.dest)).toHaveLength(3);
    // With 6 CGI requests in flight at once, some sample shows several active connections.
    expect(Math.max(...series.lines.flatMap((l) => l.active))).toBeGreaterThanOrEqual(2);
    const last = series.times.length - 1;
    // Nothing is left open at the end: every connection has gone inactive or expired.
    expect(series.lines.every((l) => l.active[last] === 0)).toBe(true);
    // The two clients' runs overlap: more connections open at once than one ab -c 3 holds.
    const total = series.times.map((_, k) => series.lines.reduce((n, l) => n + l.active[k]!, 0));
    expect(Math.max(...total)).toBeGreaterThan(3);
    const rows = clientMap(rt.trace, end);
    expect(rows.map((r) => r.client)).toEqual(['172.16.132.78', '172.16.132.79']);
    expect(rows.reduce((s, r) => s + r.total, 0)).toBe(12);
    // Scrubbed back to just after the first decision, the counts are those of that moment.
    const first = rt.trace.slice().findIndex((e) => e.kind === 'ipvs.schedule');
    expect(clientMap(rt.trace, first + 1).reduce((s, r) => s + r.total, 0)).toBe(1);
  });

  test(`fuzz: any options give well-formed ab/curl lines within bounds (seed ${seed})`, async () => {
    await loadEngine();
    const defs = ['nat', 'dr', 'tun'].flatMap((id) =>
      [1, 4, 8].map((clients) => engine().getLab(id, { servers: 2 + (clients % 7), clients })!),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...defs),
        fc.integer({ min: -5, max: 5000 }),
        fc.constantFrom('one', 'all', 'rr' as const),
        fc.integer({ min: -3, max: 500 }),
        fc.constantFrom('index', 'cgi', 'large' as const),
        (def, count, from, concurrency, page) => {
          const cmds = loadCommands(def, [], { count, from, concurrency, page });
          const names = new Set(def.hosts.map((h) => h.name));
          for (const c of cmds) {
            expect(names.has(c.host)).toBe(true);
            const m = /^ab -q -n (\d+) -c (\d+) http:\/\/\S+( &)?$/.exec(c.command);
            if (m) expect(Number(m[2])).toBeLessThanOrEqual(Number(m[1]));
          }
          const sent = cmds.filter((c) => /^(ab|curl) /.test(c.command));
          const n = sent.reduce((s, c) => s + Number(/-n (\d+)/.exec(c.command)?.[1] ?? 1), 0);
          expect(n).toBe(from === 'rr' ? Math.min(Math.max(1, count), 100) : Math.max(1, count));
        },
      ),
      { seed, numRuns: 2000 },
    );
    expect(shares(7, 3)).toEqual([3, 2, 2]);
  });
});
