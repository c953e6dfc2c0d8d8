import type { EventOf, IpvsControlEvent, Ipv4Packet } from '@/engine';
import { msg } from './message';
import type { Message } from './message';

function endpoint(p: Ipv4Packet, side: 'src' | 'dst'): string {
  const l4 = p.payload;
  if (l4.proto === 'tcp' || l4.proto === 'udp')
    return `${p[side]}:${side === 'src' ? l4.srcPort : l4.dstPort}`;
  return p[side];
}

/** The director's rewrite, in words: NAT's address change, DR's MAC-only hop, TUN's outer header. */
export function xmitText(e: EventOf<'ipvs.xmit' | 'ipvs.snat'>): Message {
  if (e.kind === 'ipvs.snat') {
    return msg('ev.ipvs.snat', {
      host: e.host,
      before: endpoint(e.before, 'src'),
      after: endpoint(e.after, 'src'),
    });
  }
  if (e.method === 'masq') {
    return msg('ev.ipvs.xmitMasq', {
      host: e.host,
      before: endpoint(e.before, 'dst'),
      after: endpoint(e.after, 'dst'),
    });
  }
  if (e.method === 'tunnel') {
    return msg('ev.ipvs.xmitTunnel', { host: e.host, src: e.after.src, dst: e.after.dst });
  }
  if (e.method === 'route') return msg('ev.ipvs.xmitRoute', { host: e.host, via: e.nexthop });
  return msg('ev.ipvs.xmitLocal', { host: e.host });
}

/** ipvsadm's changes to the virtual service table. */
export function ipvsControlText(e: IpvsControlEvent): Message {
  const p = {
    host: e.host,
    service: e.service,
    scheduler: 'scheduler' in e ? e.scheduler : '',
    dest: 'dest' in e ? e.dest : '',
    weight: 'weight' in e ? String(e.weight) : '',
    fwd: msg(`fwd.${'fwd' in e ? e.fwd : 'masq'}`),
  };
  switch (e.event) {
    case 'add-service':
      return msg('ev.ctl.addService', p);
    case 'edit-service':
      return msg('ev.ctl.editService', p);
    case 'delete-service':
      return msg('ev.ctl.deleteService', p);
    case 'add-dest':
      return msg('ev.ctl.addDest', p);
    case 'edit-dest':
      return msg('ev.ctl.editDest', p);
    case 'delete-dest':
      return msg('ev.ctl.deleteDest', p);
  }
}
