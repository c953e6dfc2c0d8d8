import { describe, expect, it } from 'vitest';
import { daddrToU32, ipv4ToU32, saddrToI32, saddrToU32 } from './ipv4';

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

  it('saddrToU32 gives each client its own value, through slot collisions and rebuilt text', () => {
    // Same last four characters and length: one memo slot, told apart by the whole text.
    const seq = ['10.0.1.23', '11.0.1.23', '10.0.1.23', '172.16.3.4', '1.2.3.4', '9.9.1.23', '11.0.1.23'];
    seq.push(['172', '16', '3', '4'].join('.'), '0.0.0.0', '255.255.255.255', '1.2');
    for (let i = 0; i < 2000; i++) seq.push(`10.${i & 7}.${i >> 3}.${(i * 37) & 255}`);
    for (const a of [...seq, ...seq.reverse()]) {
      expect(saddrToU32(a), a).toBe(reference(a));
      // The same 32 bits, signed: negative from 128.0.0.0 up.
      expect(saddrToI32(a), a).toBe(reference(a) | 0);
    }
  });
});
