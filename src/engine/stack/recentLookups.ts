/**
 * A memo of the last two lookups in a small table by name (a host's devices, the network's
 * segments): a packet asks for the same device at several layers, and a host alternates between
 * two at most on a path, so two slots answer nearly every ask with a comparison instead of a
 * hash lookup. The owner calls `clear` whenever the table changes (absent answers are kept too).
 */
export class RecentLookups<K, V> {
  private k0: K | undefined;
  private v0: V | undefined;
  private k1: K | undefined;
  private v1: V | undefined;
  private has0 = false;
  private has1 = false;

  constructor(private readonly table: ReadonlyMap<K, V>) {}

  get(key: K): V | undefined {
    if (this.has0 && key === this.k0) return this.v0;
    if (this.has1 && key === this.k1) return this.v1;
    const v = this.table.get(key);
    this.k1 = this.k0;
    this.v1 = this.v0;
    this.has1 = this.has0;
    this.k0 = key;
    this.v0 = v;
    this.has0 = true;
    return v;
  }

  /**
   * The owner set `key` to `value` in the table: that is now the most recent answer. Setting one
   * key changes no other key's answer, so the rest stay (an owner that inserts the entry its last
   * lookup missed finds it at once next time).
   */
  set(key: K, value: V): void {
    if (this.has0 && key === this.k0) {
      this.v0 = value;
      return;
    }
    // Slot 1 takes slot 0 whatever it held: an old answer for `key` there is written over.
    this.k1 = this.k0;
    this.v1 = this.v0;
    this.has1 = this.has0;
    this.k0 = key;
    this.v0 = value;
    this.has0 = true;
  }

  /** The table changed: forget every answer. */
  clear(): void {
    this.k0 = this.k1 = undefined;
    this.v0 = this.v1 = undefined;
    this.has0 = this.has1 = false;
  }
}
