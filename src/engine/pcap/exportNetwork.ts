import { encodeFrame } from '../packet/frame';
import type { Network } from '../stack/network';
import { pcapngHeader, pcapngPacket, writePcapng } from './pcapng';

/**
 * Every frame that crossed every segment, once, as pcapng: one interface per segment
 * named after it, timestamps in virtual microseconds. Used by the CLI's --pcap and the
 * browser's download button alike.
 */
export function exportPcapng(net: Network): Uint8Array {
  const names = [...net.segments.keys()];
  const index = new Map(names.map((n, i) => [n, i]));
  const packets = [...net.frames].map((f) => ({
    iface: index.get(f.segment) ?? 0,
    timeUs: f.t,
    bytes: encodeFrame(f.frame),
  }));
  return writePcapng(
    names.map((name) => ({ name })),
    packets,
  );
}

/**
 * The same file written as the run goes: `header()` once, then `frames(from)` for the frames
 * that crossed the network since position `from` (net.frames), so a long run is never held as
 * one buffer.
 */
export function pcapngStream(net: Network): {
  header(): Uint8Array;
  frames(from: number): { bytes: Uint8Array[]; next: number };
} {
  const names = [...net.segments.keys()];
  const index = new Map(names.map((n, i) => [n, i]));
  return {
    header: () => pcapngHeader(names.map((name) => ({ name }))),
    frames(from) {
      const bytes: Uint8Array[] = [];
      const all = net.frames;
      for (let i = from; i < all.length; i++) {
        const f = all.at(i);
        if (f)
          bytes.push(
            pcapngPacket(
              { iface: index.get(f.segment) ?? 0, timeUs: f.t, bytes: encodeFrame(f.frame) },
              names.length,
            ),
          );
      }
      return { bytes, next: all.length };
    },
  };
}
