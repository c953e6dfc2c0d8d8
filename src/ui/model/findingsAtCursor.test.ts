import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { scanFindings } from '@/engine';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { allFindings, findingsBefore, findingsByEvent, findingsByHost } from './findingsAtCursor';
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
