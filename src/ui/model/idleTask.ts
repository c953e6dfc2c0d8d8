import { awaitedReplies, whenRepliesIn } from '@/store/session/awaitedReplies';

/**
 * `fn` when the page is idle: after the frame that shows what just changed has been drawn, not
 * in a task queued ahead of it (a timer set during a render runs before the next frame on a busy
 * page), and not while the page waits on a session reply it draws at once (a fork's: the wait
 * looks idle, but the reply and its frame come next). `timeoutMs`: the longest it waits for
 * idle time once no reply is awaited. Without idle callbacks (tests, old Safari), a macrotask.
 */
export function whenIdle(fn: () => void, timeoutMs: number): void {
  const idle = () => {
    // A reply awaited since this was queued: wait for it, then for the next idle time.
    if (awaitedReplies() > 0) return whenRepliesIn(() => whenIdle(fn, timeoutMs));
    fn();
  };
  whenRepliesIn(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(idle, { timeout: timeoutMs });
    else setTimeout(idle, 0);
  });
}
