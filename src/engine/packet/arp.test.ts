import { describe, expect, it } from 'vitest';
import { arpReply, arpRequest, readArp, writeArp } from './arp';
import { ByteReader, ByteWriter, bytesToHex, hexToBytes } from './bytes';
import { decodeFrame, encodeFrame } from './frame';
import { ARPOP_REPLY, ARPOP_REQUEST, BROADCAST_MAC, ETH_P_ARP } from './types';

// The request Linux sent in fixtures/udp-icmp.pcap (frame 1), without its Ethernet header.
const LINUX_REQUEST = '0001080006040001' + '02000a624d01' + '0a624d01' + '000000000000' + '0a624d02';

describe('ARP', () => {
  it('encodes a request exactly as Linux does', () => {
    const w = new ByteWriter(28);
    writeArp(w, arpRequest('02:00:0a:62:4d:01', '10.98.77.1', '10.98.77.2'));
    expect(bytesToHex(w.buf)).toBe(LINUX_REQUEST);
  });

  it('decodes fields and leaves trailing padding unread', () => {
    const r = new ByteReader(hexToBytes(LINUX_REQUEST + '0000'));
    expect(readArp(r)).toEqual({
      proto: 'arp',
      htype: 1,
      ptype: 0x0800,
      op: ARPOP_REQUEST,
      sha: '02:00:0a:62:4d:01',
      spa: '10.98.77.1',
      tha: '00:00:00:00:00:00',
      tpa: '10.98.77.2',
    });
    expect(r.remaining).toBe(2);
  });

  it('builds replies addressed to the asker', () => {
    const reply = arpReply('02:00:0a:62:4d:02', '10.98.77.2', '02:00:0a:62:4d:01', '10.98.77.1');
    expect(reply.op).toBe(ARPOP_REPLY);
    const bytes = encodeFrame({ dst: reply.tha, src: reply.sha, ethertype: ETH_P_ARP, payload: reply });
    expect(bytes.length).toBe(60); // 42 bytes padded on the wire
    expect(decodeFrame(bytes).payload).toEqual(reply);
  });

  it('refuses short packets and other address sizes (the frame keeps them raw)', () => {
    expect(readArp(new ByteReader(hexToBytes(LINUX_REQUEST.slice(0, 54))))).toBeUndefined();
    const ipv6ish = hexToBytes(
      LINUX_REQUEST.replace(/^0001080006040001/, '000186dd06100001') + '00'.repeat(12),
    );
    expect(readArp(new ByteReader(ipv6ish))).toBeUndefined();
    const frame = hexToBytes(`${'ff'.repeat(6)}${'02'.repeat(6)}0806` + bytesToHex(ipv6ish));
    expect(decodeFrame(frame).payload).toEqual({ proto: 'raw', hex: bytesToHex(ipv6ish) });
    expect(
      decodeFrame(hexToBytes(`${BROADCAST_MAC.replaceAll(':', '')}${'02'.repeat(6)}0806` + LINUX_REQUEST))
        .payload.proto,
    ).toBe('arp');
  });
});
