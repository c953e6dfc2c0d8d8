/**
 * A memo of the last few lookups in a small table by name (a host's devices, the network's
 * segments, routeInput's answers per device): a packet asks for the same device at several
 * layers, and a router or director cycles through up to four (in, out, tunnel, loopback), so a
 * few slots scanned by comparison answer nearly every ask without a hash lookup. A miss takes
 * the slots in turn (first in, first out). The owner calls `clear` whenever the table changes
 * (absent answers are kept too).
 */
export const RECENT_SLOTS = 4;

export class RecentLookups<K, V> {
  private readonly keys: (K | undefined)[] = [];
  private readonly values: (V | undefined)[] = [];
  /** Slots in use (a slot's key may itself be undefined, so the count says which are real). */
  private used = 0;
  /** The slot the next miss writes over once all are in use. */
  private next = 0;

  constructor(
    private readonly table: { get(key: K): V | undefined },
    private readonly slots = RECENT_SLOTS,
  ) {
    for (let i = 0; i < slots; i++) {
      this.keys.push(undefined);
      this.values.push(undefined);
    }
  }

  get(key: K): V | undefined {
    const keys = this.keys;
    for (let i = 0; i < this.used; i++) if (keys[i] === key) return this.values[i];
    const v = this.table.get(key);
    this.remember(key, v);
    return v;
  }

  /**
   * The owner set `key` to `value` in the table. Setting one key changes no other key's answer,
   * so the rest stay (an owner that inserts the entry its last lookup missed finds it at once).
   */
  set(key: K, value: V): void {
    const keys = this.keys;
    for (let i = 0; i < this.used; i++) {
      if (keys[i] === key) {
        this.values[i] = value;
        return;
      }
    }
    this.remember(key, value);
  }

  /** The table changed: forget every answer. */
  clear(): void {
    for (let i = 0; i < this.used; i++) {
      this.keys[i] = undefined;
      this.values[i] = undefined;
    }
    this.used = 0;
    this.next = 0;
  }

  private remember(key: K, v: V | undefined): void {
    let i: number;
    if (this.used < this.slots) i = this.used++;
    else {
      i = this.next;
      this.next = i + 1 === this.slots ? 0 : i + 1;
    }
    this.keys[i] = key;
    this.values[i] = v;
  }
}
