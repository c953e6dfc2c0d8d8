import { afterEach, describe, expect, test, vi } from 'vitest';
import { awaitReply } from '@/store/session/awaitedReplies';
import { whenIdle } from './idleTask';

describe('whenIdle', () => {
  afterEach(() => vi.useRealTimers());

  test('runs in a later task, not before an awaited reply came', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    whenIdle(() => ran.push('free'), 100);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['free']);

    const reply = awaitReply();
    whenIdle(() => ran.push('after the reply'), 100);
    vi.advanceTimersByTime(500);
    expect(ran).toEqual(['free']);
    reply();
    expect(ran).toEqual(['free']); // not in the reply's own task
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['free', 'after the reply']);
  });

  test('a reply awaited after it was queued holds it back too', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    whenIdle(() => ran.push('x'), 100);
    const reply = awaitReply();
    vi.advanceTimersByTime(500);
    expect(ran).toEqual([]);
    reply();
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['x']);
  });
});
