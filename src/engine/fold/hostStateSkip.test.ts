import { expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';
import type { TraceLog } from '../core/trace';
import { applyHostEvent, emptyHost, foldHostStates, hostStatesAt, HOST_STATE_KINDS } from './hostState';
import type { HostState } from './hostState';

/** The fold as it was: every event built and offered to its host's state. */
function foldEveryEvent(trace: TraceLog, to: number): Map<string, HostState> {
  const out = new Map<string, HostState>();
  for (let i = 0; i < to; i++) {
    const e = trace.at(i)!;
    if (e.host === undefined) continue;
    let s = out.get(e.host);
    if (!s) out.set(e.host, (s = emptyHost()));
    applyHostEvent(s, e);
  }
  return out;
}

/** A host with no state event has no entry in the skipping fold: compare as the views read it. */
function asRead(m: Map<string, HostState>, hosts: string[]) {
  const empty = emptyHost();
  return hosts.map((h) => m.get(h) ?? empty);
}

function lab(id: 'nat' | 'dr' | 'tun') {
  const rt = LabRuntime.create(id, { seed: 3 });
  const client = rt.hostNames().find((h) => h.startsWith('client'))!;
  rt.exec({ host: client, command: 'for i in 1 2 3 4 5 6; do curl -s 172.16.132.18 >/dev/null; done' });
  rt.exec({ host: 'director', command: 'ip addr add 10.9.9.9/24 dev eth0; sysctl -w net.ipv4.ip_forward=1' });
  rt.exec({ host: client, command: 'curl -s 172.16.132.18' });
  return rt;
}

test.each(['nat', 'dr', 'tun'] as const)(
  '%s: skipping events by their kind column folds the same state, at any cursor and piecewise',
  (id) => {
    const rt = lab(id);
    const n = rt.trace.length;
    const hosts = rt.hostNames();
    let piecewise = new Map<string, HostState>();
    let from = 0;
    for (const c of [0, 1, Math.floor(n / 7), Math.floor(n / 3), Math.floor(n / 2), n - 1, n]) {
      const want = asRead(foldEveryEvent(rt.trace, c), hosts);
      expect(asRead(hostStatesAt(rt.trace, c), hosts)).toEqual(want);
      piecewise = foldHostStates(piecewise, rt.trace, from, c);
      from = c;
      expect(asRead(piecewise, hosts)).toEqual(want);
    }
  },
);

test('a fold builds only the events that change host state: a request’s frames are skipped', () => {
  const rt = lab('nat');
  let built = 0;
  const trace: TraceLog = {
    length: rt.trace.length,
    at: (i) => (built++, rt.trace.at(i)),
    kindAt: (i) => rt.trace.kindAt!(i),
    slice: (a, b) => rt.trace.slice(a, b),
    [Symbol.iterator]: () => rt.trace[Symbol.iterator](),
  };
  hostStatesAt(trace, trace.length);
  const stateEvents = rt.trace.slice().filter((e) => HOST_STATE_KINDS.has(e.kind)).length;
  expect(built).toBe(stateEvents);
  // Most of a request is frames and hook passages: the fold reads a small part of the trace.
  expect(built).toBeLessThan(trace.length / 2);
});
