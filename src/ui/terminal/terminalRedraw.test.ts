import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TraceEvent } from '@/engine';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { withSeed } from '../model/fuzzSeed';
import { replayStart, replayTerminal } from './terminalReplay';

const VIP = '172.16.132.18';
let a: TraceEvent[];
let b: TraceEvent[];
let shared = 0;
beforeAll(() => {
  // Two runs that part after the same first commands, with output on the client and director.
  const first: [string, string][] = [
    ['client', `curl -s ${VIP}`],
    ['director', 'ipvsadm -Ln'],
  ];
  const ra = labAfterRequest('nat', first);
  ra.exec({ host: 'director', command: 'ipvsadm -Ln --stats' });
  ra.exec({ host: 'client', command: `curl -s ${VIP}` });
  const rb = labAfterRequest('nat', first);
  rb.exec({ host: 'client', command: `for i in 1 2; do curl -s ${VIP}; done` });
  rb.exec({ host: 'director', command: `ipvsadm -E -t ${VIP}:80 -s wrr` });
  a = ra.trace.slice();
  b = rb.trace.slice();
  while (shared < a.length && JSON.stringify(a[shared]) === JSON.stringify(b[shared])) shared++;
});

describe('a terminal redrawn after a fork from the text it drew up to the shared events', () => {
  test('equals the terminal replayed from the start of the new trace', () => {
    expect(shared).toBeGreaterThan(100);
    const isSetup = () => false;
    withSeed((seed) =>
      fc.assert(
        fc.property(
          fc.constantFrom('client', 'director'),
          fc.nat({ max: shared }),
          fc.nat({ max: b.length }),
          (host, drawnTo, to) => {
            // What the terminal drew of the old trace, then what the new trace adds after it.
            const drawn = replayTerminal(a, 0, drawnTo, host, isSetup, 'setup', replayStart);
            const cursor = Math.max(drawnTo, to);
            const rest = replayTerminal(b, drawnTo, cursor, host, isSetup, 'setup', drawn.state);
            const fresh = replayTerminal(b, 0, cursor, host, isSetup, 'setup', replayStart);
            expect(drawn.text + rest.text).toBe(fresh.text);
            expect(rest.state).toEqual(fresh.state);
          },
        ),
        { numRuns: 200, seed },
      ),
    );
  });
});
