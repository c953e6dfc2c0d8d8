import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter, bytesToHex, hexToBytes } from './bytes';
import { arbTcpOptions } from './testing/arbitraries';
import { readTcpOptions, tcpOptionsLength, writeTcpOptions } from './tcpOptions';
import type { TcpOption } from './types';

function encode(options: TcpOption[]): string {
  const n = tcpOptionsLength(options);
  const w = new ByteWriter(n);
  writeTcpOptions(w, options, n);
  expect(w.pos).toBe(n);
  return bytesToHex(w.buf);
}

/** One option's bytes unpadded, from its encoding (which pads to a word with zeros). */
function encodeOne(o: TcpOption): number {
  const hex = encode([o]);
  return o.kind === 'eol' || o.kind === 'nop' ? 1 : hexToBytes(hex)[1]!;
}

function decode(hex: string): TcpOption[] | undefined {
  const b = hexToBytes(hex);
  return readTcpOptions(b, 0, b.length);
}

const LINUX_SYN: TcpOption[] = [
  { kind: 'mss', value: 1460 },
  { kind: 'sackOk' },
  { kind: 'ts', val: 350501732, ecr: 0 },
  { kind: 'nop' },
  { kind: 'wscale', shift: 10 },
];

describe('TCP options', () => {
  it('encode the Linux SYN option list byte for byte', () => {
    expect(encode(LINUX_SYN)).toBe('020405b40402080a14e43b64000000000103030a');
    expect(decode('020405b40402080a14e43b64000000000103030a')).toEqual(LINUX_SYN);
  });

  it('pad to whole words with zeros, which read back as eol', () => {
    expect(tcpOptionsLength([{ kind: 'wscale', shift: 7 }])).toBe(4);
    expect(encode([{ kind: 'wscale', shift: 7 }])).toBe('03030700');
    expect(decode('03030700')).toEqual([{ kind: 'wscale', shift: 7 }, { kind: 'eol' }]);
    expect(encode([])).toBe('');
  });

  it('keep unknown kinds and odd lengths as raw options', () => {
    const sack: TcpOption = { kind: 'raw', type: 5, hex: '0000000100000002' };
    expect(encode([{ kind: 'nop' }, { kind: 'nop' }, sack])).toBe('0101050a0000000100000002');
    expect(decode('0101050a0000000100000002')).toEqual([{ kind: 'nop' }, { kind: 'nop' }, sack]);
    expect(decode('020305')).toEqual([{ kind: 'raw', type: 2, hex: '05' }]); // mss with length 3
  });

  it('refuse option areas that cannot be held exactly', () => {
    expect(decode('0204')).toBeUndefined(); // runs past the end
    expect(decode('0201')).toBeUndefined(); // length below 2
    expect(decode('02')).toBeUndefined(); // no length byte
    expect(decode('00000100')).toBeUndefined(); // non-zero byte after eol
    expect(decode('01000000')).toEqual([{ kind: 'nop' }, { kind: 'eol' }]);
  });

  it('refuse misplaced eol, raw kinds 0 and 1, and more than 40 bytes', () => {
    expect(() => encode([{ kind: 'eol' }, { kind: 'nop' }])).toThrow(/eol must be the last/);
    expect(() => encode([{ kind: 'raw', type: 1, hex: '' }])).toThrow(/cannot have kind 1/);
    expect(() =>
      tcpOptionsLength(Array.from({ length: 5 }, () => ({ kind: 'ts', val: 0, ecr: 0 }) as const)),
    ).toThrow(/50 bytes, more than 40/);
    expect(() => encode([{ kind: 'mss', value: 70000 }])).toThrow(RangeError);
  });

  it('measure lists met in turn (its memo of the last two) as each list alone measures', () => {
    fc.assert(
      fc.property(
        fc.array(arbTcpOptions, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (lists, order) => {
          // The length from each option's own encoding, padded to a word.
          const alone = (l: TcpOption[]) => (l.reduce((n, o) => n + encodeOne(o), 0) + 3) & ~3;
          const want = lists.map(alone);
          for (const i of [0, ...order]) {
            const l = lists[i % lists.length]!;
            expect(tcpOptionsLength(l)).toBe(want[i % lists.length]);
            expect(tcpOptionsLength(l)).toBe(want[i % lists.length]);
            if (i % 3 === 0) expect(tcpOptionsLength([...l])).toBe(want[i % lists.length]);
          }
        },
      ),
    );
  });

  it('round-trip random well-formed lists', () => {
    fc.assert(
      fc.property(arbTcpOptions, (options) => {
        const hex = encode(options);
        expect(hex.length % 8).toBe(0);
        expect(decode(hex)).toEqual(options);
      }),
    );
  });
});
