import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  broadcastAddress,
  inPrefix,
  ipv4ToU32,
  isBroadcast,
  isLoopback,
  isMulticast,
  isUnspecified,
  isValidIpv4,
  maskToPrefix,
  networkAddress,
  parseCidr,
  parseIpv4,
  prefixMask,
  readIpv4Address,
  u32ToIpv4,
  writeIpv4Address,
} from './ipv4Address';

describe('IPv4 address parsing', () => {
  it('accepts strict dotted quads', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIpv4('192.168.99.188')).toBe(0xc0a863bc);
    expect(parseIpv4('10.0.0.1')).toBe(0x0a000001);
  });

  it('rejects what only inet_aton would take, and other junk', () => {
    const bad = [
      '10.1',
      '10',
      '10.0.1',
      '010.0.0.1',
      '10.00.0.1',
      '0x0a.0.0.1',
      '1.2.3.256',
      '1.2.3.4.5',
      '1.2.3.',
      '.1.2.3',
      '1..2.3',
      ' 1.2.3.4',
      '1.2.3.4 ',
      '+1.2.3.4',
      '-1.2.3.4',
      '1.2.3.4/24',
      '',
      '1000.1.1.1',
      '01.2.3.4',
      '1.2.3.04',
    ];
    for (const text of bad) {
      expect(parseIpv4(text), text).toBeUndefined();
      expect(isValidIpv4(text)).toBe(false);
    }
    expect(() => ipv4ToU32('10.1')).toThrow(/invalid IPv4 address "10.1"/);
  });

  it('round-trips every u32 through text and bytes', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), (n) => {
        const text = u32ToIpv4(n);
        expect(parseIpv4(text)).toBe(n);
        const buf = new Uint8Array(6);
        writeIpv4Address(buf, 1, text);
        expect(readIpv4Address(buf, 1)).toBe(text);
      }),
    );
  });

  it('agrees with fast-check ipV4 strings', () => {
    fc.assert(
      fc.property(fc.ipV4(), (text) => {
        expect(u32ToIpv4(ipv4ToU32(text))).toBe(text);
      }),
    );
  });
});

describe('prefixes', () => {
  it('builds masks', () => {
    expect(prefixMask(0)).toBe(0);
    expect(prefixMask(8)).toBe(0xff000000);
    expect(prefixMask(24)).toBe(0xffffff00);
    expect(prefixMask(32)).toBe(0xffffffff);
    expect(() => prefixMask(33)).toThrow(RangeError);
    expect(() => prefixMask(-1)).toThrow(RangeError);
    expect(() => prefixMask(1.5)).toThrow(RangeError);
  });

  it('turns contiguous netmasks into lengths', () => {
    expect(maskToPrefix('255.255.255.0')).toBe(24);
    expect(maskToPrefix('255.255.255.255')).toBe(32);
    expect(maskToPrefix('0.0.0.0')).toBe(0);
    expect(maskToPrefix('255.0.255.0')).toBeUndefined();
    expect(maskToPrefix('255.255.255')).toBeUndefined();
  });

  it('parses CIDR notation', () => {
    expect(parseCidr('10.0.0.5/24')).toEqual({ addr: '10.0.0.5', len: 24 });
    expect(parseCidr('10.0.0.5')).toEqual({ addr: '10.0.0.5', len: 32 });
    expect(parseCidr('0.0.0.0/0')).toEqual({ addr: '0.0.0.0', len: 0 });
    for (const bad of ['10.0.0.5/33', '10.0.0.5/', '10.0.0.5/024', '10.0.0/24', '10.0.0.5/2a']) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });

  it('computes network and broadcast addresses', () => {
    expect(networkAddress('192.168.10.77', 24)).toBe('192.168.10.0');
    expect(broadcastAddress('192.168.10.77', 24)).toBe('192.168.10.255');
    expect(networkAddress('10.1.2.3', 0)).toBe('0.0.0.0');
    expect(broadcastAddress('10.1.2.3', 32)).toBe('10.1.2.3');
  });

  it('tests membership, ignoring host bits of the network', () => {
    expect(inPrefix('10.98.77.5', '10.98.77.0', 24)).toBe(true);
    expect(inPrefix('10.98.78.5', '10.98.77.0', 24)).toBe(false);
    expect(inPrefix('10.98.77.5', '10.98.77.99', 24)).toBe(true);
    expect(inPrefix('1.2.3.4', '0.0.0.0', 0)).toBe(true);
    expect(inPrefix('1.2.3.4', '1.2.3.4', 32)).toBe(true);
    expect(inPrefix('1.2.3.5', '1.2.3.4', 32)).toBe(false);
    expect(inPrefix('200.0.0.1', '128.0.0.0', 1)).toBe(true);
  });

  it('inPrefix matches the arithmetic definition', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.nat(0xffffffff), fc.integer({ min: 0, max: 32 }), (a, b, len) => {
        const hostBits = 2 ** (32 - len);
        const same = Math.floor(a / hostBits) === Math.floor(b / hostBits);
        expect(inPrefix(u32ToIpv4(a), u32ToIpv4(b), len)).toBe(same);
      }),
    );
  });
});

describe('special addresses', () => {
  it('classifies multicast, broadcast, loopback and unspecified', () => {
    expect(isMulticast('224.0.0.1')).toBe(true);
    expect(isMulticast('239.255.255.255')).toBe(true);
    expect(isMulticast('223.255.255.255')).toBe(false);
    expect(isMulticast('240.0.0.1')).toBe(false);
    expect(isBroadcast('255.255.255.255')).toBe(true);
    expect(isBroadcast('10.0.0.255')).toBe(false);
    expect(isBroadcast('10.0.0.255', 24)).toBe(true);
    expect(isBroadcast('10.0.0.254', 24)).toBe(false);
    expect(isBroadcast('10.0.0.1', 31)).toBe(false);
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('127.255.0.9')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
    expect(isUnspecified('0.0.0.0')).toBe(true);
    expect(isUnspecified('0.0.0.1')).toBe(false);
  });
});
