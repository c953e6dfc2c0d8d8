/**
 * Terminals that cannot take more output yet, per store: while one is busy the live command is
 * not advanced, as a pty's full buffer blocks a writer until the terminal reads it. This bounds
 * what waits to be drawn, so Ctrl-C's `^C` never queues behind seconds of `yes`.
 */
const gates = new WeakMap<object, Set<() => boolean>>();

/** A terminal says when it is busy; the returned function takes it back (the terminal closed). */
export function holdOutput(store: object, busy: () => boolean): () => void {
  let set = gates.get(store);
  if (!set) gates.set(store, (set = new Set()));
  set.add(busy);
  return () => set.delete(busy);
}

/** Does any terminal of this store still draw earlier output? */
export function outputBusy(store: object): boolean {
  for (const busy of gates.get(store) ?? []) if (busy()) return true;
  return false;
}
