import { execSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TraceEvent } from '../core/trace';
import { configuredDr, configuredNat } from '../testing/configuredLabs';
import { learn, newScanContext } from './context';
import { FINDING_DETECTORS } from './registry';
import { newFindingsState, scanFindings } from './scan';

function fuzzSeed(): number {
  const env = process.env['FUZZ_SEED'];
  if (env !== undefined && env !== '') return Number(env);
  try {
    return parseInt(execSync('git rev-parse HEAD', { encoding: 'utf8' }).slice(0, 8), 16) | 0;
  } catch {
    return 20261204;
  }
}

/** A trace rich in findings: DR with arp_ignore 0, then NAT with thresholds, quiescing and no server. */
function traces(): TraceEvent[][] {
  const dr = configuredDr();
  dr.exec('rs1', 'echo 0 > /proc/sys/net/ipv4/conf/all/arp_ignore');
  dr.exec('rs1', 'echo 0 > /proc/sys/net/ipv4/conf/lo/arp_ignore');
  dr.exec('director', 'ip route del default');
  dr.exec('client', 'curl -s -m 1 192.168.99.188', 3);
  const nat = configuredNat();
  nat.exec('director', 'ipvsadm -e -t 172.16.132.18:80 -r 192.168.99.140:888 -m -x 1');
  for (let i = 0; i < 3; i++) nat.exec('client', 'curl -s 172.16.132.18', 3);
  nat.exec('director', 'ipvsadm -e -t 172.16.132.18:80 -r 192.168.99.130:888 -m -w 0');
  nat.exec('client', 'curl -s -m 1 172.16.132.18', 3);
  nat.run(125);
  return [dr.sim.trace.slice(), nat.sim.trace.slice()];
}

describe('scanning incrementally', () => {
  const all = traces();

  test('the fixture traces hold several finding kinds', () => {
    const kinds = new Set(all.flatMap((t) => scanFindings(t).findings.map((f) => f.kind)));
    expect(kinds.size).toBeGreaterThanOrEqual(5);
  });

  test('in random chunks gives the same findings as one scan', () => {
    const seed = fuzzSeed();
    fc.assert(
      fc.property(
        fc.nat({ max: all.length - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }),
        (which, cuts) => {
          const trace = all[which]!;
          const whole = scanFindings(trace).findings;
          const ends = [...cuts.map((c) => Math.floor(c * trace.length)), trace.length].sort((a, b) => a - b);
          const state = newFindingsState();
          const pieces = ends.flatMap((end) => scanFindings(trace.slice(0, end), undefined, state).findings);
          expect(pieces).toEqual(whole);
        },
      ),
      { numRuns: 300, seed },
    );
  });

  test('from an index gives the whole scan’s findings from there on', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: all.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (which, cut) => {
          const trace = all[which]!;
          const from = Math.floor(cut * trace.length);
          const whole = scanFindings(trace).findings.filter((f) => f.at >= from);
          expect(scanFindings(trace, from).findings).toEqual(whole);
        },
      ),
      { numRuns: 100, seed: fuzzSeed() },
    );
  });
});

test('skipping the events no detector reads finds what offering every event to every detector finds', () => {
  const reference = (trace: TraceEvent[]) => {
    const ctx = newScanContext();
    return trace.flatMap((ev) => {
      learn(ctx, ev);
      return FINDING_DETECTORS.flatMap((d) => d.detect(ev, ctx));
    });
  };
  const all = traces();
  for (const trace of all) expect(scanFindings(trace).findings).toEqual(reference(trace));
  expect(all.flatMap((t) => reference(t)).length).toBeGreaterThan(0);
});
