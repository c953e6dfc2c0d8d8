import { engine } from '@/store/engine';
import type { Hop } from '../model/frameHops';
import { frameLayers } from '../model/packetLayers';
import type { Layer } from '../model/packetLayers';

/** A frame's bytes on the wire and its headers as layers. */
export interface FrameView {
  bytes: Uint8Array;
  layers: Layer[];
}

/** Per hop (immutable trace data): the inspector following playback meets a packet's hops again as its previous hop. */
const views = new WeakMap<Hop, FrameView>();

/** The frame of `hop` encoded and decoded into layers, once per hop. */
export function frameViewOf(hop: Hop): FrameView {
  let v = views.get(hop);
  if (!v) {
    const { encodeFrame, decodeFrame } = engine();
    const bytes = encodeFrame(hop.eth);
    views.set(hop, (v = { bytes, layers: frameLayers(decodeFrame(bytes), bytes.length) }));
  }
  return v;
}
