import { describe, expect, test } from 'vitest';
import { engine, loadEngine } from '@/store/engine';
import { eventText } from './eventText';
import { buildHops } from './frameHops';
import { frameTag } from './frameSummary';
import { vrrpMastersAt } from './vrrpMaster';

describe('the MASTER mark: a fold of the VRRP state events at the cursor', () => {
  test('director1 before the stop, director2 after it; stepping back moves it back', async () => {
    await loadEngine();
    const rt = engine().LabRuntime.create('ha', { seed: 1 });
    const before = rt.trace.length;
    expect(vrrpMastersAt(rt.trace.slice(), before)).toEqual(['director1']);
    rt.exec({ host: 'director1', command: 'systemctl stop keepalived' });
    rt.exec({ host: 'client', command: 'sleep 3' });
    const trace = rt.trace.slice();
    expect(vrrpMastersAt(trace, trace.length)).toEqual(['director2']);
    expect(vrrpMastersAt(trace, before)).toEqual(['director1']);
    expect(vrrpMastersAt(trace, 0)).toEqual([]);
    // Between director1 leaving and director2 arriving, no one is MASTER.
    const left = trace.findIndex(
      (e) => e.kind === 'vrrp.state' && e.host === 'director1' && e.from === 'MASTER',
    );
    expect(vrrpMastersAt(trace, left + 1)).toEqual([]);
    const arrived = trace.findIndex(
      (e) => e.kind === 'vrrp.state' && e.host === 'director2' && e.to === 'MASTER',
    );
    expect(eventText(trace[arrived]!, buildHops(trace))).toEqual({
      key: 'ev.vrrp.state',
      params: { host: 'director2', instance: 'VI_1', from: 'BACKUP', to: 'MASTER' },
    });
  });
});

describe('adverts and gratuitous ARPs are distinct frames', () => {
  test('the frame tags say VRRP and GARP', async () => {
    await loadEngine();
    const rt = engine().LabRuntime.create('ha', { seed: 1 });
    const tags = new Set<string>();
    for (const e of rt.trace) if (e.kind === 'frame.tx' && e.host === 'director1') tags.add(frameTag(e.eth));
    expect(tags.has('VRRP')).toBe(true);
    expect(tags.has('GARP')).toBe(true);
  });
});
