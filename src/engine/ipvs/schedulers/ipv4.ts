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
 * vary per decision and take ipv4ToU32.
 */
export function daddrToU32(addr: string): number {
  if (addr === lastDaddr) return lastDaddrValue;
  lastDaddrValue = ipv4ToU32(addr);
  lastDaddr = addr;
  return lastDaddrValue;
}
