import { describe, expect, it } from 'vitest';
import { LabRuntime } from './labRuntime';
import type { TraceEvent } from '../core/trace';

/** Each event as --trace JSON shows it: its keys in order, then the stamp. */
function lines(events: readonly TraceEvent[]): string[] {
  return events.map((e) => JSON.stringify(e));
}

describe('a command’s own events pushed as fixed kinds', () => {
  it('read back as the literals emit stored (keys in order, values, stamp)', () => {
    const rt = LabRuntime.create('nat');
    const r = rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
    expect(r.exit).toBe(0);
    const evs = rt.trace.slice(r.traceFrom, r.traceTo);
    const own = evs.filter((e) => e.kind.startsWith('cmd.') || e.kind === 'app');
    expect(lines(own)).toEqual([
      `{"kind":"cmd.start","host":"client","command":"curl -s 172.16.132.18","index":${r.index},"t":${own[0]!.t},"seq":${r.traceFrom}}`,
      `{"kind":"app","host":"client","app":"curl","event":"exit","exit":0,"status":200,"t":${own[1]!.t},"seq":${own[1]!.seq}}`,
      `{"kind":"cmd.out","host":"client","index":${r.index},"stream":"stdout","text":${JSON.stringify(r.stdout)},"t":${own[2]!.t},"seq":${own[2]!.seq}}`,
      `{"kind":"cmd.end","host":"client","index":${r.index},"exit":0,"interrupted":false,"t":${r.end},"seq":${r.traceTo - 1}}`,
    ]);
  });

  it('a listener is handed the same events as the store keeps', () => {
    const rt = LabRuntime.create('nat');
    const seen: string[] = [];
    rt.sim.trace.subscribe((e) => {
      if (e.kind.startsWith('cmd.') || e.kind === 'app') seen.push(JSON.stringify(e));
    });
    const r = rt.exec({ host: 'client', command: 'echo hi >&2; false' });
    expect(r.exit).toBe(1);
    const kept = rt.trace
      .slice(r.traceFrom, r.traceTo)
      .filter((e) => e.kind.startsWith('cmd.') || e.kind === 'app');
    expect(kept.map((e) => e.kind)).toEqual(['cmd.start', 'cmd.out', 'cmd.end']);
    expect(kept[1]).toMatchObject({ stream: 'stderr', text: 'hi\n' });
    expect(lines(kept)).toEqual(seen);
  });
});
