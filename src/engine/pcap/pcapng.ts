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
  const names = interfaces.map((i) => utf8Encode(i.name));
  const shbSize = 28 + optionSize(USER_APPL.length) + 4;
  let size = shbSize;
  for (const name of names) size += 20 + optionSize(name.length) + optionSize(1) + 4;
  for (const p of packets) size += 32 + pad4(p.bytes.length);

  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let pos = 0;
  const u16 = (v: number): void => {
    view.setUint16(pos, v, true);
    pos += 2;
  };
  const u32 = (v: number): void => {
    view.setUint32(pos, v, true);
    pos += 4;
  };
  const option = (code: number, value: Uint8Array): void => {
    u16(code);
    u16(value.length);
    out.set(value, pos);
    pos += pad4(value.length);
  };
  const endBlock = (start: number, blockSize: number): void => {
    u32(OPT_ENDOFOPT); // opt_endofopt (code 0, length 0) where the block has options
    u32(blockSize);
    if (pos !== start + blockSize) throw new Error('pcapng block size miscomputed');
  };

  u32(PCAPNG_SHB);
  u32(shbSize);
  u32(PCAPNG_BYTE_ORDER_MAGIC);
  u16(1); // major version
  u16(0); // minor version
  u32(0xffffffff); // section length: unspecified (-1 as 64 bits)
  u32(0xffffffff);
  option(OPT_SHB_USERAPPL, USER_APPL);
  endBlock(0, shbSize);

  for (const name of names) {
    const start = pos;
    const blockSize = 20 + optionSize(name.length) + optionSize(1) + 4;
    u32(PCAPNG_IDB);
    u32(blockSize);
    u16(LINKTYPE_ETHERNET);
    u16(0); // reserved
    u32(PCAPNG_SNAPLEN);
    option(OPT_IF_NAME, name);
    option(OPT_IF_TSRESOL, Uint8Array.of(TSRESOL_MICROSECONDS));
    endBlock(start, blockSize);
  }

  for (const p of packets) {
    if (!Number.isInteger(p.iface) || p.iface < 0 || p.iface >= interfaces.length) {
      throw new RangeError(`packet names interface ${p.iface}, but there are ${interfaces.length}`);
    }
    if (!Number.isSafeInteger(p.timeUs) || p.timeUs < 0) {
      throw new RangeError(`timestamp ${p.timeUs} is not a non-negative integer count of microseconds`);
    }
    const blockSize = 32 + pad4(p.bytes.length);
    u32(PCAPNG_EPB);
    u32(blockSize);
    u32(p.iface);
    u32(Math.floor(p.timeUs / TWO_32));
    u32(p.timeUs % TWO_32);
    u32(p.bytes.length); // captured length
    u32(p.bytes.length); // original length
    out.set(p.bytes, pos);
    pos += pad4(p.bytes.length);
    u32(blockSize); // no options, so no opt_endofopt
  }
  return out;
}
