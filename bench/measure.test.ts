import { describe, expect, it } from 'vitest';
import { probeMachine } from './machineProbe';
import { type BenchResult, formatResult, FULL, SMOKE } from './measure';

function result(probe: number, probeBest: number, timing = FULL): BenchResult {
  return {
    name: 'x',
    unit: 'ops/s',
    goal: 100,
    timing,
    values: [90, 100, 110],
    median: 100,
    cpuValues: [100],
    cpuMedian: 100,
    coreShare: 1,
    probe,
    probeBest,
  };
}

describe('the bench line and the machine probe', () => {
  it('marks a benchmark measured well below the best probe as measured in a slow spell', () => {
    expect(formatResult(result(0.62, 0.94))).toContain('measured in a slow spell of the host');
    expect(formatResult(result(0.62, 0.94))).toContain('machine probe 0.62 (best 0.94)');
  });

  it('does not mark one measured near the best probe, nor a smoke run (its probes are too short)', () => {
    expect(formatResult(result(0.9, 0.94))).not.toContain('slow spell');
    expect(formatResult(result(0.5, 0.94, SMOKE))).not.toContain('slow spell');
  });

  it('probes both loops and gives a finite positive ratio', () => {
    const p = probeMachine(20);
    expect(p.register).toBeGreaterThan(0);
    expect(p.cache).toBeGreaterThan(0);
    expect(Number.isFinite(p.ratio) && p.ratio > 0).toBe(true);
  });
});
