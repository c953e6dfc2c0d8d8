import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decode } from '../packet/bytes';
import { PCAPNG_BYTE_ORDER_MAGIC, writePcapng } from './pcapng';
import type { PcapngPacket } from './pcapng';

interface ReadBack {
  version: [number, number];
  sectionLength: bigint;
  userAppl: string | undefined;
  interfaces: { linktype: number; snaplen: number; name: string | undefined; tsresol: number | undefined }[];
  packets: { iface: number; timeUs: number; capLen: number; origLen: number; bytes: Uint8Array }[];
}

/** A small pcapng reader (little-endian sections only), strict about block framing. */
function readPcapng(file: Uint8Array): ReadBack {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: ReadBack = {
    version: [0, 0],
    sectionLength: 0n,
    userAppl: undefined,
    interfaces: [],
    packets: [],
  };
  let at = 0;
  const options = (start: number, end: number): Map<number, Uint8Array> => {
    const opts = new Map<number, Uint8Array>();
    let p = start;
    while (p < end) {
      const code = view.getUint16(p, true);
      const len = view.getUint16(p + 2, true);
      if (code === 0) {
        expect(len).toBe(0);
        expect(p + 4).toBe(end); // opt_endofopt is last
        return opts;
      }
      opts.set(code, file.subarray(p + 4, p + 4 + len));
      p += 4 + ((len + 3) & ~3);
    }
    throw new Error('options without opt_endofopt');
  };
  while (at < file.length) {
    const type = view.getUint32(at, true);
    const size = view.getUint32(at + 4, true);
    expect(size % 4).toBe(0);
    expect(view.getUint32(at + size - 4, true)).toBe(size); // trailing copy of the length
    const end = at + size - 4;
    if (type === 0x0a0d0d0a) {
      expect(at).toBe(0);
      expect(view.getUint32(at + 8, true)).toBe(PCAPNG_BYTE_ORDER_MAGIC);
      out.version = [view.getUint16(at + 12, true), view.getUint16(at + 14, true)];
      out.sectionLength = view.getBigInt64(at + 16, true);
      const appl = options(at + 24, end).get(4);
      out.userAppl = appl && utf8Decode(appl);
    } else if (type === 1) {
      const opts = options(at + 16, end);
      const name = opts.get(2);
      out.interfaces.push({
        linktype: view.getUint16(at + 8, true),
        snaplen: view.getUint32(at + 12, true),
        name: name && utf8Decode(name),
        tsresol: opts.get(9)?.[0],
      });
    } else if (type === 6) {
      const capLen = view.getUint32(at + 20, true);
      expect(size).toBe(32 + ((capLen + 3) & ~3)); // no options
      out.packets.push({
        iface: view.getUint32(at + 8, true),
        timeUs: view.getUint32(at + 12, true) * 2 ** 32 + view.getUint32(at + 16, true),
        capLen,
        origLen: view.getUint32(at + 24, true),
        bytes: file.subarray(at + 28, at + 28 + capLen),
      });
    } else throw new Error(`unexpected block type ${type}`);
    at += size;
  }
  expect(at).toBe(file.length);
  return out;
}

const frame = (n: number, fill: number): Uint8Array => new Uint8Array(n).fill(fill);

describe('writePcapng', () => {
  it('writes a section header, one interface per segment and the packets', () => {
    const file = writePcapng(
      [{ name: 'public' }, { name: 'lan' }],
      [
        { iface: 1, timeUs: 1_500_001, bytes: frame(60, 0xaa) },
        { iface: 0, timeUs: 5_000_000_123, bytes: frame(61, 0xbb) }, // beyond 2^32 µs: uses the high word
      ],
    );
    expect(file.length % 4).toBe(0);
    const r = readPcapng(file);
    expect(r.version).toEqual([1, 0]);
    expect(r.sectionLength).toBe(-1n);
    expect(r.userAppl).toBe('lvs-lab');
    expect(r.interfaces).toEqual([
      { linktype: 1, snaplen: 262144, name: 'public', tsresol: 6 },
      { linktype: 1, snaplen: 262144, name: 'lan', tsresol: 6 },
    ]);
    expect(
      r.packets.map(({ iface, timeUs, capLen, origLen }) => ({ iface, timeUs, capLen, origLen })),
    ).toEqual([
      { iface: 1, timeUs: 1_500_001, capLen: 60, origLen: 60 },
      { iface: 0, timeUs: 5_000_000_123, capLen: 61, origLen: 61 },
    ]);
    expect(r.packets[1]?.bytes).toEqual(frame(61, 0xbb));
  });

  it('starts with the pcapng magic and is byte-for-byte deterministic', () => {
    const make = (): Uint8Array =>
      writePcapng([{ name: 'lan' }], [{ iface: 0, timeUs: 7, bytes: frame(42, 1) }]);
    const a = make();
    expect(Array.from(a.subarray(0, 4))).toEqual([0x0a, 0x0d, 0x0d, 0x0a]);
    expect(Array.from(a.subarray(8, 12))).toEqual([0x4d, 0x3c, 0x2b, 0x1a]);
    expect(make()).toEqual(a);
  });

  it('round-trips random captures', () => {
    const arbNames = fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        arbNames.chain((names) =>
          fc.tuple(
            fc.constant(names),
            fc.array(
              fc.record({
                iface: fc.nat(names.length - 1),
                timeUs: fc.maxSafeNat(),
                bytes: fc.uint8Array({ maxLength: 70 }),
              }),
              { maxLength: 6 },
            ),
          ),
        ),
        ([names, packets]) => {
          const r = readPcapng(
            writePcapng(
              names.map((name) => ({ name })),
              packets,
            ),
          );
          expect(r.interfaces.map((i) => i.name)).toEqual(names);
          expect(r.packets.map(({ iface, timeUs, bytes }) => ({ iface, timeUs, bytes }))).toEqual(packets);
        },
      ),
    );
  });

  it('writes an empty capture that still names its interfaces', () => {
    const r = readPcapng(writePcapng([{ name: 'public' }], []));
    expect(r.interfaces).toHaveLength(1);
    expect(r.packets).toEqual([]);
  });

  it('refuses a bad interface index or timestamp', () => {
    const ok: PcapngPacket = { iface: 0, timeUs: 0, bytes: frame(60, 0) };
    expect(() => writePcapng([{ name: 'lan' }], [{ ...ok, iface: 1 }])).toThrow(
      /interface 1, but there are 1/,
    );
    expect(() => writePcapng([{ name: 'lan' }], [{ ...ok, timeUs: -1 }])).toThrow(RangeError);
    expect(() => writePcapng([{ name: 'lan' }], [{ ...ok, timeUs: 1.5 }])).toThrow(
      /integer count of microseconds/,
    );
  });
});
