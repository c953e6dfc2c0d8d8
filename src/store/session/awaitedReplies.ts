/**
 * Whether the page is waiting on a session reply it draws as soon as it comes (a fork, a typed
 * command). The page looks idle then, but it is not: the reply's work and its frame are next,
 * and on a machine with two cores the session's thread needs the other one. Work that waits
 * for idle time (the findings scan) waits for the reply too, and runs after its frame.
 */
let awaited = 0;
let after: (() => void)[] = [];

/** A reply the page waits on; call what this returns when it came (again: nothing). */
export function awaitReply(): () => void {
  awaited++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--awaited > 0) return;
    const fns = after;
    after = [];
    for (const fn of fns) fn();
  };
}

/** `fn` now when no reply is awaited, else once the last awaited one came. */
export function whenRepliesIn(fn: () => void): void {
  if (awaited === 0) fn();
  else after.push(fn);
}

/** Replies awaited now (tests). */
export function awaitedReplies(): number {
  return awaited;
}
