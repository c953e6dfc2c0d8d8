import { describe, expect, test } from 'vitest';
import { engine, loadEngine } from '@/store/engine';
import { predictNextPicks } from './schedulerShadow';
import { ipvsStateAt } from './ipvsState';

const SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'sed', 'nq', 'fo', 'ovf', 'sh', 'dh', 'mh', 'lblc', 'lblcr'];

describe('the scheduler panel predicts the pick the engine then makes', () => {
  for (const name of SCHEDULERS) {
    test(name, async () => {
      await loadEngine();
      const rt = engine().LabRuntime.create('nat');
      rt.exec({ host: 'director', command: `ipvsadm -E -t 172.16.132.18:80 -s ${name}` });
      rt.exec({ host: 'director', command: 'ipvsadm -e -t 172.16.132.18:80 -r 192.168.99.130:888 -m -w 3' });
      for (let i = 0; i < 6; i++) {
        const cursor = rt.trace.length;
        const [p] = predictNextPicks(rt.trace, cursor, '172.16.132.78:0', 1);
        const res = rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
        const pick = rt.trace.slice(res.traceFrom, res.traceTo).find((e) => e.kind === 'ipvs.schedule');
        expect(p?.next?.winner, `request ${i}`).toBe(pick?.dest);
      }
    });
  }
});

describe('ipvsStateAt', () => {
  test('weights, ActiveConn/InActConn and picks match ipvsadm -Ln at the end', async () => {
    await loadEngine();
    const rt = engine().LabRuntime.create('dr');
    for (let i = 0; i < 5; i++) rt.exec({ host: 'client', command: 'curl -s 192.168.99.188' });
    const [svc] = ipvsStateAt(rt.trace, rt.trace.length);
    const listing = rt.exec({ host: 'director', command: 'ipvsadm -Ln' }).stdout;
    for (const d of svc!.dests) {
      const line = listing.split('\n').find((l) => l.includes(`-> ${d.key}`))!;
      const cols = line.trim().split(/\s+/);
      expect([Number(cols[3]), Number(cols[4]), Number(cols[5])]).toEqual([d.weight, d.active, d.inactive]);
    }
    expect(svc!.dests.reduce((s, d) => s + d.picks, 0)).toBe(5);
  });
});
