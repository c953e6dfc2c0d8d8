/**
 * Seeded random source (sfc32) with labelled child streams, so a new draw in one subsystem
 * (ARP jitter) never shifts another's (TCP initial sequence numbers, twos).
 */
export interface Rng {
  /** Uniform unsigned 32-bit integer. */
  u32(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** An independent stream derived from this one's seed and a label. */
  child(label: string): Rng;
  /** Plain-data state, for snapshots. */
  state(): RngState;
}

export interface RngState {
  seed: number;
  s: [number, number, number, number];
}

/** FNV-1a over the label, mixed with the parent seed: a stable 32-bit child seed. */
function mixSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

function splitmix(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number, restored?: RngState): Rng {
  const seed32 = seed >>> 0;
  if (restored) {
    const [a, b, c, d] = restored.s;
    return new Sfc32(seed32, a, b, c, d);
  }
  const sm = splitmix(seed32);
  return new Sfc32(seed32, sm(), sm(), sm(), sm());
}

/**
 * sfc32's state as four fields of one object: a stream is made per socket and per device
 * (child streams), and closures over a state array cost more to make and to call. The fields hold
 * the words as signed 32-bit integers (small integers to V8: unsigned ones above 2^31 were heap
 * numbers, boxed again at every draw); the draws and `state()` are the unsigned words.
 */
class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(
    private readonly seed32: number,
    a: number,
    b: number,
    c: number,
    d: number,
  ) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
  }

  u32(): number {
    const b = this.b;
    const c = this.c;
    // Sums of int32 words are exact doubles: `| 0` keeps them modulo 2^32, as the kernel's u32.
    const t = (this.a + b + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  int(n: number): number {
    if (n <= 0) return 0;
    // Integer maths only: multiply-high gives a bias below 2^-32 for the small n used here.
    return Math.floor((this.u32() / 0x100000000) * n);
  }

  child(label: string): Rng {
    return createRng(mixSeed(this.seed32, label));
  }

  state(): RngState {
    return { seed: this.seed32, s: [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0] };
  }
}
