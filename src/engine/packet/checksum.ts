/**
 * The Internet checksum (RFC 1071): the one's complement of the one's-complement sum of the
 * data taken as big-endian 16-bit words, an odd trailing byte padded with zero.
 *
 * Two ways in: `checksum16(...chunks)` for convenience (chunks are treated as one byte string,
 * so an odd-length chunk shifts the next one, as the RFC requires), and `sum16` + `foldChecksum`
 * for the codecs, which sum a pseudo-header numerically and a range of the frame in place.
 * Verifying: the checksum over data that includes its own correct checksum field is 0.
 */

/** Adds bytes[start, end) as big-endian 16-bit words to `acc` (unfolded; exact below 2^53). */
export function sum16(bytes: Uint8Array, start: number, end: number, acc = 0): number {
  let s = acc;
  let i = start;
  const last = end - 1;
  for (; i < last; i += 2) s += ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
  if (i === last) s += (bytes[i] as number) << 8;
  return s;
}

/** Folds a sum from `sum16` to 16 bits and complements it: the value to put in the header. */
export function foldChecksum(acc: number): number {
  let s = acc;
  while (s > 0xffff) s = (s % 0x10000) + Math.floor(s / 0x10000);
  return ~s & 0xffff;
}

/** The Internet checksum over the concatenation of `chunks`. */
export function checksum16(...chunks: Uint8Array[]): number {
  let s = 0;
  let odd = false;
  for (const chunk of chunks) {
    let i = 0;
    if (odd && chunk.length > 0) {
      s += chunk[0] as number;
      i = 1;
      odd = false;
    }
    const n = chunk.length - i;
    s = sum16(chunk, i, chunk.length, s);
    if (n % 2 === 1) odd = true;
  }
  return foldChecksum(s);
}

/**
 * The unfolded sum of the TCP/UDP pseudo-header (RFC 793 §3.1, RFC 768): source and
 * destination address (u32), zero, protocol, and the TCP/UDP length. Pass it as `acc` to sum16.
 */
export function pseudoHeaderSum(src: number, dst: number, protocol: number, length: number): number {
  return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
}
