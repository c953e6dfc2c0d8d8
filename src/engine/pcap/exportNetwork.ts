import { encodeFrame } from '../packet/frame';
import type { Network } from '../stack/network';
import { writePcapng } from './pcapng';

/**
 * Every frame that crossed every segment, once, as pcapng: one interface per segment
 * named after it, timestamps in virtual microseconds. Used by the CLI's --pcap and the
 * browser's download button alike.
 */
export function exportPcapng(net: Network): Uint8Array {
  const names = [...net.segments.keys()];
  const index = new Map(names.map((n, i) => [n, i]));
  const packets = net.frames.map((f) => ({
    iface: index.get(f.segment) ?? 0,
    timeUs: f.t,
    bytes: encodeFrame(f.frame),
  }));
  return writePcapng(
    names.map((name) => ({ name })),
    packets,
  );
}
