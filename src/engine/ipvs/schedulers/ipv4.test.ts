import { describe, expect, it } from 'vitest';
import { daddrToU32, ipv4ToU32 } from './ipv4';

/** The value the kernel's ntohl gives, computed another way. */
function reference(addr: string): number {
  return addr.split('.').reduce((v, p) => v * 256 + Number(p), 0);
}

describe('ipv4ToU32 and daddrToU32', () => {
  it('parse a dotted quad to its host-order value', () => {
    for (const a of ['0.0.0.0', '10.0.0.1', '192.168.99.10', '255.255.255.255'])
      expect(ipv4ToU32(a), a).toBe(reference(a));
  });

  it('daddrToU32 gives each address its own value, repeated, alternating or rebuilt', () => {
    const seq = ['192.168.0.100', '192.168.0.100', '10.1.2.3', '192.168.0.100', '10.1.2.3'];
    // Equal text in a different string object gives the same value.
    seq.push(['10', '1', '2', '3'].join('.'), '255.255.255.254');
    for (const a of seq) expect(daddrToU32(a), a).toBe(reference(a));
  });
});
