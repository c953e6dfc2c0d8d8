import { describe, expect, it } from 'vitest';
import { keepEarlyMessages, takeEarlyMessages } from './earlyMessages';
import type { ParentMessage } from './messages';
import { startMessageBridge } from './messageBridge';
import type { BridgeWindow } from './messageBridge';

/** A frame whose window holds any number of listeners, like a browser's. */
function frame() {
  const parent = { postMessage: () => undefined };
  const listeners = new Set<(e: MessageEvent) => void>();
  const win: BridgeWindow = {
    parent,
    addEventListener: (_t, l) => void listeners.add(l),
    removeEventListener: (_t, l) => void listeners.delete(l),
  };
  const send = (data: unknown, origin = 'https://course.example', source: unknown = parent) => {
    for (const l of [...listeners]) l({ data, origin, source } as MessageEvent);
  };
  return { win, send, listeners };
}

const labs = () => ['nat', 'dr'];

describe('requests posted while the lab loads', () => {
  it('are dropped if the bridge is disposed before it handles them', async () => {
    const f = frame();
    keepEarlyMessages(f.win);
    f.send({ type: 'lvs-lab:play' });
    const got: ParentMessage[] = [];
    startMessageBridge(f.win, { referrer: '', labs, handle: (m) => void got.push(m) }).dispose();
    await Promise.resolve();
    expect(got).toEqual([]);
  });

  it('reach the bridge once its caller holds it, in order, then it listens as before', async () => {
    const f = frame();
    keepEarlyMessages(f.win);
    f.send({ type: 'lvs-lab:run', host: 'director', command: 'ipvsadm -Ln' });
    f.send('not ours');
    f.send({ type: 'lvs-lab:seek', step: 3 });
    const got: ParentMessage[] = [];
    // The handler may use the bridge it is given to (the app answers through it).
    const bridge = startMessageBridge(f.win, {
      referrer: '',
      labs,
      handle: (m) => void got.push(bridge && m),
    });
    expect(got).toEqual([]);
    await Promise.resolve();
    f.send({ type: 'lvs-lab:play' });
    expect(got).toEqual([
      { type: 'lvs-lab:run', host: 'director', command: 'ipvsadm -Ln' },
      { type: 'lvs-lab:seek', step: 3 },
      { type: 'lvs-lab:play' },
    ]);
    // Only the bridge's own listener is left.
    expect(f.listeners.size).toBe(1);
  });

  it('are checked like any other: another origin or window is refused', async () => {
    const f = frame();
    keepEarlyMessages(f.win);
    f.send({ type: 'lvs-lab:play' }, 'https://evil.example');
    f.send({ type: 'lvs-lab:play' }, 'https://course.example', {});
    const got: ParentMessage[] = [];
    startMessageBridge(f.win, {
      origin: 'https://course.example',
      referrer: '',
      labs,
      handle: (m) => void got.push(m),
    });
    expect(got).toEqual([]);
  });

  it('are kept up to a bound, and handed over once', () => {
    const f = frame();
    keepEarlyMessages(f.win);
    for (let i = 0; i < 1000; i++) f.send({ type: 'lvs-lab:seek', step: i });
    const first = takeEarlyMessages(f.win);
    expect(first.length).toBe(64);
    expect((first[63]!.data as { step: number }).step).toBe(63);
    expect(takeEarlyMessages(f.win)).toEqual([]);
    expect(f.listeners.size).toBe(0);
  });
});
