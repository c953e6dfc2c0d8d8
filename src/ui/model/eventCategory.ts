import type { TraceEvent } from '@/engine';
import type { HopIndex } from './frameHops';

export type EventCategory = 'arp' | 'tcp' | 'ipvs' | 'netfilter' | 'drops' | 'commands' | 'other';

export const EVENT_CATEGORIES: readonly EventCategory[] = [
  'arp',
  'tcp',
  'ipvs',
  'netfilter',
  'drops',
  'commands',
  'other',
];

/** Configuration changes a command made (addresses, links, routes), listed with the commands. */
const CONFIG_KINDS = new Set([
  'addr.add',
  'addr.del',
  'link.set',
  'netdev.register',
  'netdev.unregister',
  'route.add',
  'route.del',
]);

/** The filter bucket an event belongs to; frames go with what they carry. */
export function eventCategory(e: TraceEvent, hops: HopIndex): EventCategory {
  const k = e.kind;
  if (k === 'drop' || k === 'icmp.send' || (k === 'frame.rx' && e.accepted === false)) return 'drops';
  if (k.startsWith('arp.') || k.startsWith('neigh')) return 'arp';
  if (k.startsWith('ipvs.') || k === 'ipip.decap') return 'ipvs';
  if (k === 'hook' || k === 'route') return 'netfilter';
  if (k === 'cmd.start' || k === 'cmd.end' || k === 'app' || CONFIG_KINDS.has(k)) return 'commands';
  if (k.startsWith('sock') || k.startsWith('tcp')) return 'tcp';
  if (k === 'frame.tx' || k === 'frame.rx') {
    const hop = hops.byFrame.get(String(e.frame));
    if (hop?.eth.payload.proto === 'arp') return 'arp';
    return 'tcp';
  }
  return 'other';
}
