import { describe, expect, test } from 'vitest';
import { MSEC, SEC, Sim } from '../core/sim';
import { settle } from './commandDriver';
import { LabRuntime } from './labRuntime';

/** cli.md: after a command, frames in flight are delivered; timers wait for time to pass. */
describe('settling after a command', () => {
  test('a frame in flight is delivered, a timer in the window does not move the clock', () => {
    const sim = new Sim(1);
    const seen: string[] = [];
    sim.afterInFlight(100, 'deliver', () => seen.push('frame'));
    sim.after(50 * MSEC, 'ipvs-conn-expire', () => seen.push('timer'));
    settle(sim);
    expect(seen).toEqual(['frame']);
    expect(sim.now).toBe(100);
  });

  test('IPVS expiry wake-ups just after a request do not stretch the next curl', () => {
    const rt = LabRuntime.create('nat');
    // The IPVS rate estimator ticks every 2 s and the first request's entry wakes up about 3 s
    // later (its first timeout) to re-arm; a request whose settling window covered either used
    // to end on it, up to 0.2 s late (after ~1,860 back-to-back curls, every request did).
    const late: number[] = [];
    for (const pause of ['0', '1.9', '0.9', '0.03', '0.03', '0.03']) {
      const s = rt.exec({ host: 'client', command: `sleep ${pause}` });
      late.push(s.end - s.start - Number(pause) * SEC);
      const r = rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
      late.push(r.end - r.start);
    }
    for (const d of late) expect(d).toBeLessThan(10 * MSEC);
  });
});
