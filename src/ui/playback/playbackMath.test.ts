import { describe, expect, test } from 'vitest';
import { engine, loadEngine } from '@/store/engine';
import { buildHops } from '../model/frameHops';
import { framesInFlight } from '../model/inFlight';
import { advancePlayback, SIM_US_PER_SECOND } from './playbackMath';

const LOOP = 'while true;do curl 172.16.132.18 ; sleep 0.5 ; done';

describe('the playback time map', () => {
  test("the seed's loop at 1×: at least 3 answers within 6 s of wall time, frames still drawn", async () => {
    await loadEngine();
    const rt = engine().LabRuntime.create('nat');
    const from = rt.trace.length;
    rt.exec({ host: 'client', command: LOOP, maxTimeUs: 4_000_000 });
    const hops = buildHops(rt.trace);
    let pos = { simTime: rt.trace.at(from)!.t, cursor: from + 1 };
    const answers: number[] = [];
    let busyFrames = 0;
    for (let wall = 0; wall < 6000; wall += 16) {
      const n = advancePlayback(rt.trace, hops, pos, 16, 1);
      for (let i = pos.cursor; i < n.cursor; i++) {
        const e = rt.trace.at(i)!;
        if (e.kind === 'cmd.out' && /rs[12]/.test(e.text)) answers.push(wall);
      }
      if (framesInFlight(hops, n.simTime, n.cursor).length > 0) busyFrames++;
      pos = n;
    }
    expect(answers.length).toBeGreaterThanOrEqual(3);
    // Each hop is on screen for several animation frames (watchable), not skipped.
    const hopsPlayed = rt.trace
      .slice()
      .filter((e, i) => i >= from && i < pos.cursor && e.kind === 'frame.tx').length;
    expect(busyFrames).toBeGreaterThan(hopsPlayed * 3);
    expect(SIM_US_PER_SECOND).toBeLessThanOrEqual(1500);
  });

  test('an idle stretch takes the same wall time whatever its length', async () => {
    await loadEngine();
    const wallFor = (sleep: string) => {
      const rt = engine().LabRuntime.create('nat');
      const from = rt.trace.length;
      rt.exec({ host: 'client', command: `sleep ${sleep}; echo done` });
      const hops = buildHops(rt.trace);
      let pos = { simTime: rt.trace.at(from)!.t, cursor: from + 1 };
      let wall = 0;
      while (pos.cursor < rt.trace.length && wall < 60_000) {
        pos = advancePlayback(rt.trace, hops, pos, 16, 1);
        wall += 16;
      }
      return wall;
    };
    const short = wallFor('0.5');
    expect(short).toBeGreaterThan(100);
    expect(short).toBeLessThan(1000);
    expect(wallFor('30')).toBe(short);
  });
});
