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
  let s: [number, number, number, number];
  if (restored) s = [...restored.s];
  else {
    const sm = splitmix(seed32);
    s = [sm(), sm(), sm(), sm()];
  }
  const u32 = (): number => {
    const t = (((s[0] + s[1]) >>> 0) + s[3]) >>> 0;
    s[3] = (s[3] + 1) >>> 0;
    s[0] = s[1] ^ (s[1] >>> 9);
    s[1] = (s[2] + (s[2] << 3)) >>> 0;
    s[2] = ((s[2] << 21) | (s[2] >>> 11)) >>> 0;
    s[2] = (s[2] + t) >>> 0;
    return t;
  };
  return {
    u32,
    int(n: number): number {
      if (n <= 0) return 0;
      // Integer maths only: multiply-high gives a bias below 2^-32 for the small n used here.
      return Math.floor((u32() / 0x100000000) * n);
    },
    child(label: string): Rng {
      return createRng(mixSeed(seed32, label));
    },
    state: () => ({ seed: seed32, s: [...s] }),
  };
}
