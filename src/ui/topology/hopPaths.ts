import type { Hop } from '../model/frameHops';
import { wirePath } from '../layout/topologyLayout';
import type { Point, TopologyLayout } from '../layout/topologyLayout';

export interface LegPath {
  /** Index into hop.rx, or −1 for a frame nobody received. */
  leg: number;
  points: Point[];
}

/** The wire each copy of a frame follows: sender → switch → every receiver. */
export function hopPaths(layout: TopologyLayout, hop: Hop): LegPath[] {
  const from = layout.hosts.get(hop.host)?.ifaces.find((i) => i.dev === hop.dev);
  if (!from) return [];
  if (hop.rx.length === 0) return [{ leg: -1, points: wirePath(layout, from, undefined) }];
  return hop.rx.map((r, leg) => {
    const to = layout.hosts.get(r.host)?.ifaces.find((i) => i.dev === r.dev);
    return { leg, points: wirePath(layout, from, to) };
  });
}
