/**
 * Type-level checks of the trace union: `npm run typecheck` compiles this file, so each
 * `@ts-expect-error` below that stops being an error (a field renamed in an event interface
 * without its emitters, an event kind accepted that nobody declared) fails the type check.
 * The runtime assertions only confirm the well-typed calls behave.
 */
import { describe, expect, test } from 'vitest';
import { Sim } from './sim';
import type { EventOf, TraceEvent } from './trace';
import type { EngineEvent } from './traceEvents';

/**
 * No event declares a field the stamp owns: the stamp would overwrite it (tcp.retransmit's TCP
 * sequence number once was lost this way). A kind named here fails the type check.
 */
type Clashing<E> = E extends { t: unknown } | { seq: unknown } ? E : never;
const noStampClash: [Clashing<EngineEvent>] extends [never] ? true : false = true;

function frameOf(e: TraceEvent): string | undefined {
  // Narrowing on kind gives the member's fields with no cast.
  if (e.kind === 'frame.tx' || e.kind === 'frame.rx') return e.frame;
  // @ts-expect-error `frame` is not a field of every event
  return e.frame;
}

function checks(sim: Sim): void {
  sim.emit({ kind: 'cmd.start', host: 'client', command: 'true', index: 0 });
  // @ts-expect-error misspelt field (comand)
  sim.emit({ kind: 'cmd.start', host: 'client', comand: 'true', index: 0 });
  // @ts-expect-error a field missing (index)
  sim.emit({ kind: 'cmd.start', host: 'client', command: 'true' });
  // @ts-expect-error an undeclared kind
  sim.emit({ kind: 'cmd.begin', host: 'client', command: 'true', index: 0 });
  // @ts-expect-error a field of the wrong type
  sim.emit({ kind: 'cmd.end', host: 'client', index: 0, exit: '0', interrupted: false });
  // @ts-expect-error a field from another kind (frame belongs to frame.tx/rx)
  sim.emit({ kind: 'drop', host: 'client', pkt: 'pkt1', reason: 'dev-down', frame: 'frm1' });
  const svc = { kind: 'ipvs.control', host: 'd', service: 's' } as const;
  // @ts-expect-error an ipvs.control event with another event's fields (weight on add-service)
  sim.emit({ ...svc, event: 'add-service', scheduler: 'rr', weight: 1 });
  sim.emit({ kind: 'ipvs.control', host: 'd', event: 'delete-dest', service: 's', dest: '10.0.0.1:80' });
}

describe('the trace union', () => {
  test('no event kind declares t or seq of its own', () => {
    expect(noStampClash).toBe(true);
  });

  test('emitted events are stored stamped and narrow on kind', () => {
    const sim = new Sim(1);
    checks(sim);
    const starts: EventOf<'cmd.start'>[] = sim.trace.slice().filter((e) => e.kind === 'cmd.start');
    expect(starts[0]).toEqual({ kind: 'cmd.start', host: 'client', command: 'true', index: 0, t: 0, seq: 0 });
    // The stamp follows the event's own fields: the CLI's --trace JSON keeps this order.
    expect(Object.keys(starts[0]!)).toEqual(['kind', 'host', 'command', 'index', 't', 'seq']);
    // Only the ill-typed drop above carries a `frame` at run time.
    expect(
      sim.trace
        .slice()
        .map(frameOf)
        .filter((f) => f !== undefined),
    ).toEqual(['frm1']);
  });
});
