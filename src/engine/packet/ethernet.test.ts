import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, bytesToHex, hexToBytes } from './bytes';
import { ETH_HLEN, readEthernetHeader, writeEthernetHeader } from './ethernet';
import { BROADCAST_MAC, ETH_P_ARP } from './types';

describe('Ethernet header', () => {
  it('writes destination, source and EtherType in that order', () => {
    const w = new ByteWriter(ETH_HLEN);
    writeEthernetHeader(w, BROADCAST_MAC, '02:00:0a:62:4d:01', ETH_P_ARP);
    expect(w.pos).toBe(14);
    expect(bytesToHex(w.buf)).toBe('ffffffffffff02000a624d010806');
  });

  it('reads it back and advances past it', () => {
    const r = new ByteReader(hexToBytes('02000a624d0202000a624d010800abcd'));
    expect(readEthernetHeader(r)).toEqual({
      dst: '02:00:0a:62:4d:02',
      src: '02:00:0a:62:4d:01',
      ethertype: 0x0800,
    });
    expect(r.pos).toBe(14);
  });

  it('throws on a truncated header', () => {
    expect(() => readEthernetHeader(new ByteReader(new Uint8Array(13)))).toThrow(/truncated/);
  });
});
