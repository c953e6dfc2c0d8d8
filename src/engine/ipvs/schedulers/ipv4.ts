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
