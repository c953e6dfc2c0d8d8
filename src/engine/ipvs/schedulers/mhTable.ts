import type { Dest } from '../types';
import type { MhBuckets } from './bucketTable';
import { gcd } from './gcd';
import { ipv4ToU32 } from './ipv4';
import { hsiphashU32, type SipKey } from './siphash';

/** primes[CONFIG_IP_VS_MH_TAB_INDEX(12) − 8]. */
export const MH_TAB_SIZE = 4093;
/** IP_VS_MH_TAB_BITS = CONFIG_IP_VS_MH_TAB_INDEX / 2: weights are scaled to fit this many bits. */
export const MH_TAB_BITS = 6;

/** generate_hash_secret: fixed keys, each 64-bit word = the 32-bit constant. */
export const MH_HASH1: SipKey = { k0hi: 0, k0lo: 2654435761 | 0, k1hi: 0, k1lo: 2654435761 | 0 };
export const MH_HASH2: SipKey = { k0hi: 0, k0lo: 2654446892 | 0, k1hi: 0, k1lo: 2654446892 | 0 };

/** ip_vs_mh_hashkey: hsiphash of the u32 offset + port + addr (wrapping, as unsigned int). */
export function mhHash(addr: number, port: number, key: SipKey, offset: number): number {
  return hsiphashU32((offset + port + addr) | 0, key);
}

/** gcd of the last_weights > 0 (0 when there are none). */
export function mhGcd(dests: readonly Dest[]): number {
  let g = 0;
  for (const d of dests) if (d.lastWeight > 0) g = g > 0 ? gcd(d.lastWeight, g) : d.lastWeight;
  return g;
}

/** Right shift that keeps max(last_weight)/gcd within MH_TAB_BITS bits. */
export function mhShift(dests: readonly Dest[], g: number): number {
  if (g < 1) return 0;
  let w = 0;
  for (const d of dests) if (d.lastWeight > w) w = d.lastWeight;
  const fls = 32 - Math.clz32(Math.floor(w / g));
  return Math.max(0, fls - MH_TAB_BITS);
}

/** A dest's Maglev preference list start and step (ip_vs_mh_permutate). */
export function mhOffsetSkip(d: Dest): { offset: number; skip: number } {
  const a = ipv4ToU32(d.addr);
  return {
    offset: mhHash(a, d.port, MH_HASH1, 0) % MH_TAB_SIZE,
    skip: (mhHash(a, d.port, MH_HASH2, 0) % (MH_TAB_SIZE - 1)) + 1,
  };
}

/**
 * ip_vs_mh_populate: rounds over the list; a dest with t turns claims t slots per round, each its
 * next free slot along offset + k·skip (mod M), until all M slots are filled.
 */
export function mhTable(dests: readonly Dest[]): MhBuckets {
  // Dest indices as 16-bit words unless the list is longer than they count.
  const table = (dests.length < 0x8000 ? new Int16Array(MH_TAB_SIZE) : new Int32Array(MH_TAB_SIZE)).fill(-1);
  const g = mhGcd(dests);
  if (g < 1) return table;
  const shift = mhShift(dests, g);
  const setup = dests.map((d) => {
    const turns = Math.floor(d.lastWeight / g) >> shift;
    return { ...mhOffsetSkip(d), perm: 0, turns: turns || (d.lastWeight !== 0 ? 1 : 0) };
  });
  for (const ds of setup) ds.perm = ds.offset;
  let n = 0;
  let dt = 0;
  while (n < MH_TAB_SIZE) {
    for (let j = 0; j < setup.length;) {
      const ds = setup[j]!;
      if (ds.turns < 1) {
        j++;
        continue;
      }
      while (table[ds.perm] !== -1) ds.perm = (ds.perm + ds.skip) % MH_TAB_SIZE;
      table[ds.perm] = j;
      if (++n === MH_TAB_SIZE) return table;
      if (++dt >= ds.turns) {
        dt = 0;
        j++;
      }
    }
  }
  return table;
}
