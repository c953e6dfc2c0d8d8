import type { TabChannel, TabMessage } from './tabChannel';

/** Is `a` the tab that opened the saved work first (ties broken by id, the same in every tab)? */
function before(a: TabMessage, b: TabMessage): boolean {
  return a.since < b.since || (a.since === b.since && a.tab < b.tab);
}

/**
 * Two tabs on the saved work would overwrite each other's saves, last write wins, silently. So
 * the tabs say hello and the tab that owns the saved work answers; a tab that hears of one opened
 * earlier is the second one, and `onSecond` runs (once): it stops saving and tells the student,
 * before anything of either tab is lost. The first tab carries on as it was. Returns a stop
 * function.
 */
export function guardSavedWork(
  channel: TabChannel,
  me: TabMessage,
  onSecond: (other: TabMessage) => void,
): () => void {
  let second = false;
  channel.listen((m) => {
    if (m.tab === me.tab) return;
    if (!second && before(m, me)) {
      second = true;
      onSecond(m);
    }
    // Only the owner answers: a first tab reloaded while a second one is open owns the work again.
    if (m.type === 'hello' && !second) channel.post({ ...me, type: 'here' });
  });
  channel.post({ ...me, type: 'hello' });
  return () => channel.close();
}
