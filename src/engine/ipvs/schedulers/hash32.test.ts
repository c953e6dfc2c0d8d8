import { describe, expect, it } from 'vitest';
import { gcd } from './gcd';
import { hash32 } from './hash32';
import { ipv4ToU32 } from './ipv4';
import { connOverhead, sedOverhead } from './overhead';
import { realDest } from '../../testing/schedulers';

describe('hash32 (kernel hash_32)', () => {
  it('gives the sh/dh bucket indices of current kernels', () => {
    expect(hash32(ipv4ToU32('10.0.0.1'), 8)).toBe(39);
    expect(hash32(ipv4ToU32('10.0.0.2'), 8)).toBe(137);
    expect(hash32(ipv4ToU32('192.168.1.1'), 8)).toBe(136);
    expect(hash32(ipv4ToU32('172.16.0.5'), 8)).toBe(1);
    expect(hash32((ipv4ToU32('10.0.0.1') + 1234) | 0, 8)).toBe(128);
  });

  it('is (val·0x61C88647 mod 2^32) >> (32 − bits)', () => {
    expect(hash32(1, 32)).toBe(0x61c88647);
    expect(hash32(0xffffffff, 32)).toBe((0x100000000 - 0x61c88647) >>> 0);
    expect(hash32(2, 10)).toBe(Number((2n * 0x61c88647n) % 2n ** 32n) >>> 22);
  });
});

describe('helpers', () => {
  it('ipv4ToU32 reads a dotted quad in host order', () => {
    expect(ipv4ToU32('10.0.0.1')).toBe(0x0a000001);
    expect(ipv4ToU32('255.255.255.255')).toBe(0xffffffff);
    expect(ipv4ToU32('192.168.1.10')).toBe(0xc0a8010a);
  });

  it('gcd', () => {
    expect(gcd(4, 2)).toBe(2);
    expect(gcd(3, 2)).toBe(1);
    expect(gcd(12, 18)).toBe(6);
  });

  it('overheads: 256·active + inactive, and active + 1', () => {
    const d = realDest({ addr: '10.1.1.1', active: 2, inactive: 7 });
    expect(connOverhead(d)).toBe(519);
    expect(sedOverhead(d)).toBe(3);
  });
});
