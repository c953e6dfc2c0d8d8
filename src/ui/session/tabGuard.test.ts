import { describe, expect, test } from 'vitest';
import type { TabChannel, TabMessage } from './tabChannel';
import { guardSavedWork } from './tabGuard';

/** Tabs on one bus: a message reaches every other tab, a task later (as BroadcastChannel's). */
function bus() {
  const tabs: { fn?: (m: TabMessage) => void; ch: TabChannel }[] = [];
  const queue: (() => void)[] = [];
  const open = (): TabChannel => {
    const me: { fn?: (m: TabMessage) => void; ch: TabChannel } = {
      ch: {
        post: (m) => {
          for (const t of tabs) if (t !== me) queue.push(() => t.fn?.(structuredClone(m)));
        },
        listen: (fn) => {
          me.fn = fn;
        },
        close: () => {
          tabs.splice(tabs.indexOf(me), 1);
        },
      },
    };
    tabs.push(me);
    return me.ch;
  };
  const run = () => {
    while (queue.length) queue.shift()!();
  };
  return { open, run };
}

const hello = (tab: string, since: number): TabMessage => ({ type: 'hello', tab, since });

describe('two tabs on the saved work', () => {
  test('the tab opened later is told it is second, once; the first carries on', () => {
    const b = bus();
    const seconds: string[] = [];
    guardSavedWork(b.open(), hello('a', 100), () => seconds.push('a'));
    b.run();
    guardSavedWork(b.open(), hello('b', 200), () => seconds.push('b'));
    b.run();
    guardSavedWork(b.open(), hello('c', 300), () => seconds.push('c'));
    b.run();
    expect(seconds).toEqual(['b', 'c']);
  });

  test('tabs opened at the same moment agree by id, whichever speaks first', () => {
    for (const order of [
      ['x', 'y'],
      ['y', 'x'],
    ]) {
      const b = bus();
      const seconds: string[] = [];
      for (const id of order) guardSavedWork(b.open(), hello(id, 5), () => seconds.push(id));
      b.run();
      expect(seconds).toEqual(['y']);
    }
  });

  test('a tab alone, or whose earlier twin closed, is never told', () => {
    const b = bus();
    const seconds: string[] = [];
    const stopA = guardSavedWork(b.open(), hello('a', 1), () => seconds.push('a'));
    b.run();
    stopA();
    guardSavedWork(b.open(), hello('b', 2), () => seconds.push('b'));
    b.run();
    expect(seconds).toEqual([]);
  });

  test('the first tab reloaded while the second is open owns the saved work again', () => {
    const b = bus();
    const seconds: string[] = [];
    const stopA = guardSavedWork(b.open(), hello('a', 1), () => seconds.push('a'));
    guardSavedWork(b.open(), hello('b', 2), () => seconds.push('b'));
    b.run();
    stopA();
    guardSavedWork(b.open(), hello('a2', 3), () => seconds.push('a2'));
    b.run();
    guardSavedWork(b.open(), hello('c', 4), () => seconds.push('c'));
    b.run();
    expect(seconds).toEqual(['b', 'c']);
  });
});
