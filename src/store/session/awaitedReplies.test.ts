import { describe, expect, test } from 'vitest';
import { awaitedReplies, awaitReply, whenRepliesIn } from './awaitedReplies';

describe('awaitedReplies', () => {
  test('runs at once when no reply is awaited', () => {
    const ran: number[] = [];
    whenRepliesIn(() => ran.push(1));
    expect(ran).toEqual([1]);
  });

  test('waits for the last awaited reply, and a second release counts once', () => {
    const ran: string[] = [];
    const a = awaitReply();
    const b = awaitReply();
    whenRepliesIn(() => ran.push('x'));
    whenRepliesIn(() => ran.push('y'));
    a();
    a(); // again: nothing (b is still awaited)
    expect(awaitedReplies()).toBe(1);
    expect(ran).toEqual([]);
    b();
    expect(awaitedReplies()).toBe(0);
    expect(ran).toEqual(['x', 'y']);
    // Run once: a later reply does not run them again.
    awaitReply()();
    expect(ran).toEqual(['x', 'y']);
  });

  test('what a waiting function queues while replies come in waits for the next ones', () => {
    const ran: string[] = [];
    const a = awaitReply();
    whenRepliesIn(() => {
      ran.push('first');
      const b = awaitReply();
      whenRepliesIn(() => ran.push('second'));
      queueMicrotask(b);
    });
    a();
    expect(ran).toEqual(['first']);
    return Promise.resolve().then(() => expect(ran).toEqual(['first', 'second']));
  });
});
