import { describe, expect, test } from 'vitest';
import { ipNum, isMulticast } from './addrMath';

const byNumber = (ip: string): boolean => {
  const a = ipNum(ip) >>> 24;
  return a >= 224 && a <= 239;
};

describe('isMulticast', () => {
  test('reads the first octet as ipNum does, for every first octet and odd spellings', () => {
    for (let a = 0; a < 256; a++) {
      const ip = `${a}.1.2.3`;
      expect(isMulticast(ip)).toBe(byNumber(ip));
    }
    expect(isMulticast('224.0.0.18')).toBe(true);
    expect(isMulticast('239.255.255.255')).toBe(true);
    expect(isMulticast('240.0.0.1')).toBe(false);
    expect(isMulticast('223.255.255.255')).toBe(false);
    for (const odd of [
      '0224.0.0.1',
      '00224.0.0.1',
      '0239.1.1.1',
      '.1.2.3',
      '224',
      '',
      'x.1.2.3',
      '22a.0.0.1',
      '024.0.0.1',
    ])
      expect(isMulticast(odd)).toBe(byNumber(odd));
  });
});
