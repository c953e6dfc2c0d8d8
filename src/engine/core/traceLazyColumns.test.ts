/**
 * A lazy chunk (traceLazy.ts) makes its columns only when it first encodes: a bounded trace lets
 * most chunks go unread, and they never allocate a TraceStore. Read without them: kinds, times
 * and the size hint handed to the next chunk; read with them: an event's detail, as eager.
 */
import { describe, expect, test } from 'vitest';
import { CHUNK } from './traceChunks';
import type { EngineEvent } from './traceEvents';
import { fixedKind } from './traceFixed';
import { LazyStore } from './traceLazy';
import { TraceStore } from './traceStore';

interface Passage {
  kind: 'pass';
  host: string;
  hook: string;
  pkt: string;
  verdict: string;
}
const PASS = fixedKind<Passage>()('pass', ['host', 'hook', 'pkt', 'verdict'], true);

function fill(s: TraceStore<EngineEvent> | LazyStore<EngineEvent>): void {
  for (let i = 0; i < 200; i++) {
    if (i % 7 === 3)
      s.push(i * 5, {
        kind: 'sysctl.set',
        host: 'director',
        name: 'net.ipv4.ip_forward',
        old: (i + 1) & 1,
        value: i & 1,
      });
    else s.pushFixed(i * 5, PASS, 'client', i & 1 ? 'LOCAL_OUT' : 'POST_ROUTING', `pkt#${i >> 1}`, 'ACCEPT');
  }
}

describe('LazyStore columns', () => {
  test('a lazy chunk makes its columns only when it first encodes, from its size hint', () => {
    const hint = { events: 4096, slots: 100, objs: 50 };
    const lazy = new LazyStore<EngineEvent>(hint, true);
    const eager = new TraceStore<EngineEvent>(hint);
    fill(lazy);
    fill(eager);
    expect(lazy.columnsMade).toBe(false);
    expect(lazy.kindAt(3)).toBe(eager.kindAt(3));
    expect(lazy.timeAt(199)).toBe(eager.timeAt(199));
    expect(lazy.sizeHint(CHUNK)).toBe(hint);
    expect(lazy.columnsMade).toBe(false);
    expect(lazy.at(150)).toEqual(eager.at(150));
    expect(lazy.columnsMade).toBe(true);
    expect(lazy.encodedLength).toBe(200);
    for (let i = 0; i < 200; i++) expect(lazy.at(i)).toEqual(eager.at(i));
  });

  test('an eager chunk has its columns from the start', () => {
    expect(new LazyStore<EngineEvent>(undefined, false).columnsMade).toBe(true);
  });
});
