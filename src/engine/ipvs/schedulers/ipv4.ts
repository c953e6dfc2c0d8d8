/**
 * Dotted quad → host-order u32 (what ntohl(addr) gives the kernel). Parsed by hand so the hot
 * path allocates nothing; malformed text yields some number rather than throwing.
 */
export function ipv4ToU32(addr: string): number {
  let out = 0;
  let part = 0;
  for (let i = 0; i < addr.length; i++) {
    const c = addr.charCodeAt(i);
    if (c === 46) {
      out = (out << 8) | (part & 255);
      part = 0;
    } else {
      part = part * 10 + (c - 48);
    }
  }
  return ((out << 8) | (part & 255)) >>> 0;
}

/** The destination address parsed last, and its value. */
let lastDaddr = '';
let lastDaddrValue = 0;

/**
 * ipv4ToU32 for a packet's destination (dh hashes it): a service's decisions are on
 * its VIP, one string the packets share, so the last one parsed is remembered (a compare by
 * pointer instead of a parse). A memo of a pure function, not state. Client addresses (sh, mh)
 * vary per decision and take saddrToU32.
 */
export function daddrToU32(addr: string): number {
  if (addr === lastDaddr) return lastDaddrValue;
  lastDaddrValue = ipv4ToU32(addr);
  lastDaddr = addr;
  return lastDaddrValue;
}

/**
 * ipv4ToU32 of recent client addresses (sh and mh hash the client's): a direct-mapped memo, slot
 * from the last four characters, hit when the text is the same (the same string object, as a
 * client's packets carry, compares by pointer). A memo of a pure function, not state: a collision
 * only parses again.
 */
const MEMO_BITS = 12;
const memoText: string[] = new Array<string>(1 << MEMO_BITS).fill('');
const memoValue = new Int32Array(1 << MEMO_BITS);

export function saddrToU32(addr: string): number {
  return saddrToI32(addr) >>> 0;
}

/**
 * saddrToU32's 32 bits as a signed integer, for hashes that wrap them with `| 0` anyway (sh, mh):
 * an address above 127.255.255.255 as an unsigned value is a heap number, boxed at every return.
 */
export function saddrToI32(addr: string): number {
  const n = addr.length;
  if (n < 4) return ipv4ToU32(addr) | 0;
  const last4 =
    addr.charCodeAt(n - 1) ^
    (addr.charCodeAt(n - 2) << 8) ^
    (addr.charCodeAt(n - 3) << 16) ^
    (addr.charCodeAt(n - 4) << 24);
  // Mixed twice: digits differ in a few low bits, and one multiply left 1 in 4 of 256 clients colliding.
  const h = Math.imul(last4, 0x9e3779b1);
  const at = Math.imul(h ^ (h >>> 15) ^ n, 0x85ebca6b) >>> (32 - MEMO_BITS);
  if (memoText[at] === addr) return memoValue[at]!;
  const v = ipv4ToU32(addr) | 0;
  memoText[at] = addr;
  memoValue[at] = v;
  return v;
}
