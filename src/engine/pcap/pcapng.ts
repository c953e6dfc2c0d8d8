/**
 * A pcapng writer (draft-ietf-opsawg-pcapng): one Section Header Block, one Interface
 * Description Block per lab segment (if_name = the segment name, link type 1 Ethernet,
 * if_tsresol 6 = microseconds), then one Enhanced Packet Block per frame stamped with the
 * virtual time. Little-endian, no wall clock, nothing random: the same input gives the same
 * bytes. Wireshark and tshark open the result directly.
 */
import { utf8Encode } from '../packet/bytes';

export const PCAPNG_SHB = 0x0a0d0d0a;
export const PCAPNG_IDB = 0x00000001;
export const PCAPNG_EPB = 0x00000006;
export const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;
export const LINKTYPE_ETHERNET = 1;
/** The snapshot length tcpdump uses; frames are never cut. */
export const PCAPNG_SNAPLEN = 262144;

const OPT_ENDOFOPT = 0;
const OPT_SHB_USERAPPL = 4;
const OPT_IF_NAME = 2;
const OPT_IF_TSRESOL = 9;
const TSRESOL_MICROSECONDS = 6;
const USER_APPL = utf8Encode('lvs-lab');
const TWO_32 = 0x100000000;

export interface PcapngInterface {
  /** Segment name, e.g. "public" or "lan"; shown by Wireshark as the interface name. */
  name: string;
}

export interface PcapngPacket {
  /** Index into the interfaces list. */
  iface: number;
  /** Virtual time in integer microseconds. */
  timeUs: number;
  /** The frame as on the wire, without FCS. */
  bytes: Uint8Array;
}

const pad4 = (n: number): number => (n + 3) & ~3;
/** An option's size: code, length, value padded to 4. */
const optionSize = (valueLength: number): number => 4 + pad4(valueLength);

/** The whole capture file. Throws RangeError for a bad interface index or timestamp. */
export function writePcapng(
  interfaces: readonly PcapngInterface[],
  packets: readonly PcapngPacket[],
): Uint8Array {
  const parts = [pcapngHeader(interfaces), ...packets.map((p) => pcapngPacket(p, interfaces.length))];
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let pos = 0;
  for (const b of parts) {
    out.set(b, pos);
    pos += b.length;
  }
  return out;
}

/** Little-endian writer over a buffer of a known size. */
function blockWriter(size: number) {
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let pos = 0;
  const w = {
    out,
    get pos() {
      return pos;
    },
    u16(v: number): void {
      view.setUint16(pos, v, true);
      pos += 2;
    },
    u32(v: number): void {
      view.setUint32(pos, v, true);
      pos += 4;
    },
    bytes(b: Uint8Array): void {
      out.set(b, pos);
      pos += pad4(b.length);
    },
    option(code: number, value: Uint8Array): void {
      w.u16(code);
      w.u16(value.length);
      w.bytes(value);
    },
    endBlock(start: number, blockSize: number): void {
      w.u32(OPT_ENDOFOPT); // opt_endofopt (code 0, length 0) where the block has options
      w.u32(blockSize);
      if (pos !== start + blockSize) throw new Error('pcapng block size miscomputed');
    },
  };
  return w;
}

/** The start of a capture file: the section header and one interface block per interface. */
export function pcapngHeader(interfaces: readonly PcapngInterface[]): Uint8Array {
  const names = interfaces.map((i) => utf8Encode(i.name));
  const shbSize = 28 + optionSize(USER_APPL.length) + 4;
  let size = shbSize;
  for (const name of names) size += 20 + optionSize(name.length) + optionSize(1) + 4;
  const w = blockWriter(size);
  w.u32(PCAPNG_SHB);
  w.u32(shbSize);
  w.u32(PCAPNG_BYTE_ORDER_MAGIC);
  w.u16(1); // major version
  w.u16(0); // minor version
  w.u32(0xffffffff); // section length: unspecified (-1 as 64 bits)
  w.u32(0xffffffff);
  w.option(OPT_SHB_USERAPPL, USER_APPL);
  w.endBlock(0, shbSize);
  for (const name of names) {
    const start = w.pos;
    const blockSize = 20 + optionSize(name.length) + optionSize(1) + 4;
    w.u32(PCAPNG_IDB);
    w.u32(blockSize);
    w.u16(LINKTYPE_ETHERNET);
    w.u16(0); // reserved
    w.u32(PCAPNG_SNAPLEN);
    w.option(OPT_IF_NAME, name);
    w.option(OPT_IF_TSRESOL, Uint8Array.of(TSRESOL_MICROSECONDS));
    w.endBlock(start, blockSize);
  }
  return w.out;
}

/** One Enhanced Packet Block (a file may be written as the header, then packets as they come). */
export function pcapngPacket(p: PcapngPacket, interfaceCount: number): Uint8Array {
  if (!Number.isInteger(p.iface) || p.iface < 0 || p.iface >= interfaceCount) {
    throw new RangeError(`packet names interface ${p.iface}, but there are ${interfaceCount}`);
  }
  if (!Number.isSafeInteger(p.timeUs) || p.timeUs < 0) {
    throw new RangeError(`timestamp ${p.timeUs} is not a non-negative integer count of microseconds`);
  }
  const blockSize = 32 + pad4(p.bytes.length);
  const w = blockWriter(blockSize);
  w.u32(PCAPNG_EPB);
  w.u32(blockSize);
  w.u32(p.iface);
  w.u32(Math.floor(p.timeUs / TWO_32));
  w.u32(p.timeUs % TWO_32);
  w.u32(p.bytes.length); // captured length
  w.u32(p.bytes.length); // original length
  w.bytes(p.bytes);
  w.u32(blockSize); // no options, so no opt_endofopt
  return w.out;
}
