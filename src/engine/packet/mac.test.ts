import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMac,
  isBroadcastMac,
  isLocalMac,
  isMulticastMac,
  isValidMac,
  isZeroMac,
  macToBytes,
  parseMac,
  writeMac,
} from './mac';

describe('MAC addresses', () => {
  it('parses strictly and returns the canonical lower-case form', () => {
    expect(parseMac('52:54:00:00:01:00')).toBe('52:54:00:00:01:00');
    expect(parseMac('52:54:00:AB:cd:EF')).toBe('52:54:00:ab:cd:ef');
    for (const bad of [
      '',
      '52:54:00:00:01',
      '52:54:00:00:01:00:00',
      '52-54-00-00-01-00',
      '5:54:00:00:01:000',
      '52:54:00:00:01:0g',
      ' 52:54:00:00:01:00',
      '525400000100',
      '52:54:00:00:01:00 ',
    ]) {
      expect(parseMac(bad), bad).toBeUndefined();
      expect(isValidMac(bad)).toBe(false);
    }
  });

  it('converts to and from bytes', () => {
    expect(Array.from(macToBytes('02:00:0a:62:4d:01'))).toEqual([2, 0, 0x0a, 0x62, 0x4d, 1]);
    expect(formatMac(new Uint8Array([9, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 9]), 1)).toBe(
      'ff:ff:ff:ff:ff:ff',
    );
    expect(() => macToBytes('nope')).toThrow(/invalid MAC address "nope"/);
    const buf = new Uint8Array(8);
    writeMac(buf, 2, 'aa:bb:cc:dd:ee:ff');
    expect(Array.from(buf)).toEqual([0, 0, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]);
  });

  it('round-trips any six bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (b) => {
        const text = formatMac(b);
        expect(text).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
        expect(parseMac(text)).toBe(text);
        expect(macToBytes(text)).toEqual(b);
      }),
    );
  });

  it('classifies broadcast, multicast, zero and locally administered addresses', () => {
    expect(isBroadcastMac('ff:ff:ff:ff:ff:ff')).toBe(true);
    expect(isBroadcastMac('FF:FF:FF:FF:FF:FF')).toBe(true);
    expect(isBroadcastMac('ff:ff:ff:ff:ff:fe')).toBe(false);
    expect(isMulticastMac('01:00:5e:00:00:01')).toBe(true);
    expect(isMulticastMac('ff:ff:ff:ff:ff:ff')).toBe(true);
    expect(isMulticastMac('52:54:00:00:01:00')).toBe(false);
    expect(isMulticastMac('junk')).toBe(false);
    expect(isZeroMac('00:00:00:00:00:00')).toBe(true);
    expect(isZeroMac('00:00:00:00:00:01')).toBe(false);
    expect(isLocalMac('52:54:00:00:01:00')).toBe(true);
    expect(isLocalMac('00:1b:21:00:00:01')).toBe(false);
  });
});
