import { describe, expect, test } from 'vitest';
import { echoPacket, TestLab } from '../testing/testLab';
import { runHook } from './hookRun';
import type { HookEntry, Verdict } from './netfilter';
import { newSkb } from './skb';

/** An entry whose verdict the test sets between passages. */
function entry(name: string, priority: number): HookEntry & { verdict: Verdict } {
  const e = {
    name,
    priority,
    verdict: 'ACCEPT' as Verdict,
    fn: () => ({ verdict: e.verdict }),
  };
  return e;
}

describe('runHook', () => {
  test('the runs recorded follow the entries as they change (the all-ACCEPT memo is no stale answer)', () => {
    const l = new TestLab('nat');
    const host = l.host('client');
    const a = entry('a', -10);
    const b = entry('b', 0);
    const c = entry('c', 10);
    host.hooks.register('FORWARD', a);
    host.hooks.register('FORWARD', b);
    const pass = (): { fns: string[]; verdict: Verdict; out: boolean } => {
      const out = runHook(host, 'FORWARD', newSkb('pkt#1', echoPacket('10.0.0.1', '10.0.0.2')));
      const ev = l.events('hook', (e) => e.host === 'client' && e.hook === 'FORWARD').at(-1)!;
      return { fns: ev.fns.map((f) => `${f.name}:${f.verdict}`), verdict: ev.verdict, out: !!out };
    };
    expect(pass()).toEqual({ fns: ['a:ACCEPT', 'b:ACCEPT'], verdict: 'ACCEPT', out: true });
    expect(pass()).toEqual({ fns: ['a:ACCEPT', 'b:ACCEPT'], verdict: 'ACCEPT', out: true });
    // A third entry after the two remembered ones.
    host.hooks.register('FORWARD', c);
    expect(pass().fns).toEqual(['a:ACCEPT', 'b:ACCEPT', 'c:ACCEPT']);
    // The remembered ACCEPT of `b` does not answer for its DROP.
    b.verdict = 'DROP';
    expect(pass()).toEqual({ fns: ['a:ACCEPT', 'b:DROP'], verdict: 'DROP', out: false });
    b.verdict = 'ACCEPT';
    expect(pass().fns).toEqual(['a:ACCEPT', 'b:ACCEPT', 'c:ACCEPT']);
    // `a` gone: `b` now runs first, where `a` was remembered.
    host.hooks.unregister('FORWARD', 'a');
    expect(pass().fns).toEqual(['b:ACCEPT', 'c:ACCEPT']);
    host.hooks.register('FORWARD', a);
    expect(pass().fns).toEqual(['a:ACCEPT', 'b:ACCEPT', 'c:ACCEPT']);
    // The remembered other verdict answers only for the same entry and verdict.
    b.verdict = 'STOLEN';
    expect(pass()).toEqual({ fns: ['a:ACCEPT', 'b:STOLEN'], verdict: 'STOLEN', out: false });
    expect(pass()).toEqual({ fns: ['a:ACCEPT', 'b:STOLEN'], verdict: 'STOLEN', out: false });
    b.verdict = 'DROP';
    expect(pass()).toEqual({ fns: ['a:ACCEPT', 'b:DROP'], verdict: 'DROP', out: false });
    b.verdict = 'STOLEN';
    expect(pass().fns).toEqual(['a:ACCEPT', 'b:STOLEN']);
    a.verdict = 'STOLEN';
    expect(pass()).toEqual({ fns: ['a:STOLEN'], verdict: 'STOLEN', out: false });
    a.verdict = 'ACCEPT';
    expect(pass().fns).toEqual(['a:ACCEPT', 'b:STOLEN']);
  });

  test('passages alternating between hook points each record their own runs (a tree per point)', () => {
    const l = new TestLab('nat');
    const host = l.host('client');
    const a = entry('a', -10);
    const b = entry('b', 0);
    // The same entry at two points, and one more at the second.
    host.hooks.register('PREROUTING', a);
    host.hooks.register('POSTROUTING', a);
    host.hooks.register('POSTROUTING', b);
    const pass = (hook: 'PREROUTING' | 'POSTROUTING'): string[] => {
      runHook(host, hook, newSkb('pkt#1', echoPacket('10.0.0.1', '10.0.0.2')));
      const ev = l.events('hook', (e) => e.host === 'client' && e.hook === hook).at(-1)!;
      return ev.fns.map((f) => `${f.name}:${f.verdict}`);
    };
    for (let i = 0; i < 3; i++) {
      expect(pass('PREROUTING')).toEqual(['a:ACCEPT']);
      expect(pass('POSTROUTING')).toEqual(['a:ACCEPT', 'b:ACCEPT']);
    }
    a.verdict = 'STOLEN';
    expect(pass('POSTROUTING')).toEqual(['a:STOLEN']);
    expect(pass('PREROUTING')).toEqual(['a:STOLEN']);
    a.verdict = 'ACCEPT';
    b.verdict = 'DROP';
    expect(pass('PREROUTING')).toEqual(['a:ACCEPT']);
    expect(pass('POSTROUTING')).toEqual(['a:ACCEPT', 'b:DROP']);
    expect(pass('PREROUTING')).toEqual(['a:ACCEPT']);
  });
});
