import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { scanFindings } from '@/engine';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { TraceBuffer } from '@/engine';
import { SplicedLog } from '@/store/session/splicedLog';
import {
  allFindings,
  findingsBefore,
  findingsByEvent,
  findingsByHost,
  subscribeFindings,
} from './findingsAtCursor';
import { labAfterRequest } from '@/engine/testing/configuredLabs';

const arpIgnoreZero: [string, string][] = ['rs1', 'rs2'].flatMap((h): [string, string][] => [
  [h, 'sysctl -w net.ipv4.conf.all.arp_ignore=0'],
  [h, 'sysctl -w net.ipv4.conf.lo.arp_ignore=0'],
]);

describe('findings at the cursor', () => {
  test('DR with arp_ignore 0: a real server answering ARP for the VIP is found, on that server', async () => {
    const rt = labAfterRequest('dr', arpIgnoreZero);
    const all = allFindings(rt.trace);
    const arp = all.filter((f) => f.kind === 'arpVipAnswer');
    expect(arp.length).toBeGreaterThan(0);
    const byHost = findingsByHost(arp);
    expect([...byHost.keys()].every((h) => h.startsWith('rs'))).toBe(true);
    expect(arp[0]!.params['sysctl']).toMatch(/^net\.ipv4\.conf\.\w+\.arp_ignore$/);
    // Anchored at the arp.decide event where the server replied.
    const ev = rt.trace.at(arp[0]!.at)!;
    expect(ev.kind === 'arp.decide' && ev.verdict === 'reply' && ev.host === arp[0]!.hosts[0]).toBe(true);
    expect(findingsByEvent(arp).get(arp[0]!.at)).toContain(arp[0]);
  });

  test('the configured DR lab has no such finding', async () => {
    const rt = labAfterRequest('dr');
    expect(allFindings(rt.trace).filter((f) => f.kind === 'arpVipAnswer')).toEqual([]);
  });

  test("a fork's trace shows the shared findings at once, then all of its own once caught up", async () => {
    // Past the first few thousand events (the catch-up's threshold), a real server answers ARP for the VIP.
    const rt = labAfterRequest('dr');
    for (let i = 0; i < 40; i++) rt.exec({ host: 'client', command: 'curl -s 192.168.99.188' });
    for (const [host, command] of arpIgnoreZero) rt.exec({ host, command });
    for (const host of rt.hostNames()) rt.exec({ host, command: 'ip neigh flush all' });
    rt.exec({ host: 'client', command: 'curl -s 192.168.99.188' });
    const before = allFindings(rt.trace);
    const kept = before[1]!.at; // one finding shared, one of the fork's own
    // A fork: the same first `kept` events, then others (here: the ones the first trace had).
    const fork = new SplicedLog(rt.trace, kept, new TraceBuffer());
    for (const e of rt.trace.slice(kept)) fork.append(e);
    const whole = scanFindings(fork).findings;
    expect(whole.some((f) => f.at >= kept) && kept > 4096).toBe(true);
    const done = new Promise<void>((resolve) => {
      const off = subscribeFindings(() => {
        off();
        resolve();
      });
    });
    const atOnce = allFindings(fork);
    expect(atOnce).toEqual(before.filter((f) => f.at < kept));
    expect(atOnce.length).toBe(1);
    await done;
    expect(allFindings(fork)).toEqual(whole);
  });

  test('a long command no view watched is scanned a slice per task, then the views are told', async () => {
    const rt = labAfterRequest('dr');
    expect(allFindings(rt.trace)).toEqual([]);
    const from = rt.trace.length;
    rt.exec({ host: 'client', command: 'ab -n 150 -c 10 http://192.168.99.188/ > /dev/null' });
    for (const [host, command] of arpIgnoreZero) rt.exec({ host, command });
    for (const host of rt.hostNames()) rt.exec({ host, command: 'ip neigh flush all' });
    rt.exec({ host: 'client', command: 'curl -s 192.168.99.188' });
    const whole = scanFindings(rt.trace).findings;
    // A finding past the first slice: a real server answering ARP for the VIP after the long command.
    expect(whole.at(-1)!.at).toBeGreaterThan(from + 8192);
    const done = new Promise<void>((resolve) => {
      const off = subscribeFindings(() => {
        off();
        resolve();
      });
    });
    const first = allFindings(rt.trace);
    // The render's own slice: 8,192 events on from where the scan had been.
    expect(first).toEqual(whole.filter((f) => f.at < from + 8192));
    expect(first.length).toBeLessThan(whole.length);
    await done;
    expect(allFindings(rt.trace)).toEqual(whole);
  });

  test('scanning the growing trace piecewise gives the one-shot scan', async () => {
    const rt = labAfterRequest('dr', arpIgnoreZero);
    const first = allFindings(rt.trace);
    rt.exec({ host: 'client', command: 'curl -s 192.168.99.188' });
    const grown = allFindings(rt.trace);
    expect(grown.slice(0, first.length)).toEqual(first);
    expect(grown).toEqual(scanFindings(rt.trace).findings);
  });

  test('no finding after the cursor is ever shown, and every one before it is', async () => {
    const rt = labAfterRequest('dr', arpIgnoreZero);
    const all = allFindings(rt.trace);
    const seed = fuzzSeed();
    fc.assert(
      fc.property(fc.integer({ min: -1, max: rt.trace.length + 5 }), (cursor) => {
        const shown = findingsBefore(all, cursor);
        const want = cursor < 0 ? all : all.filter((f) => f.at < cursor);
        expect(shown).toEqual(want);
      }),
      { seed, numRuns: 2000, verbose: 1 },
    );
  });
});
