/**
 * The objects a trace store remembered for sharing, with the slot each was written at: the last
 * RECENT, in a ring searched newest first. Nearly all sharing is within a few objects (the packet
 * a frame carried, shown by the next event); two generations of 512-entry Maps found the same and
 * made ~2.4 KB of hash tables per request.
 */
const RECENT = 32;

export class RecentObjects {
  private readonly objects: (object | undefined)[];
  private readonly slots: Int32Array;
  /** Where the next object goes. */
  private head = 0;
  /** A hit at least this far back is remembered again (a host's hook-run list, met now and then). */
  private readonly aged: number;

  /** @param size objects remembered (a power of two) */
  constructor(private readonly size = RECENT) {
    this.objects = new Array<object | undefined>(size).fill(undefined);
    this.slots = new Int32Array(size);
    this.aged = size >>> 1;
  }

  /** `v`'s slot if it is among the recent objects, else -1 (a slot is never -1: its tag is STRUCT or a reference's). */
  recall(v: object): number {
    const ring = this.objects;
    const mask = this.size - 1;
    for (let d = 1; d <= mask + 1; d++) {
      const at = (this.head - d) & mask;
      if (ring[at] !== v) continue;
      const slot = this.slots[at]!;
      // Still in use (a host's hook-run list): kept for sharing, not written again a ring later.
      if (d >= this.aged) this.remember(v, slot);
      return slot;
    }
    return -1;
  }

  remember(v: object, slot: number): void {
    this.objects[this.head] = v;
    this.slots[this.head] = slot;
    this.head = (this.head + 1) & (this.size - 1);
  }

  /** Forget them all (their slots may be gone; a sealed store holds no references). */
  forget(): void {
    this.objects.fill(undefined);
    this.head = 0;
  }
}
