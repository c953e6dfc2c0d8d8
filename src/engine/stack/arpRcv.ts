import { ARPOP_REPLY, ARPOP_REQUEST } from '../packet/types';
import type { ArpPacket } from '../packet/types';
import { inSubnet, isLoopback, isMulticast } from './addrMath';
import { arpIgnore } from './arpIgnore';
import { sendArpReply } from './arpSend';
import type { Host } from './host';
import { routeInput } from './routeInput';

/** Whether the host answers an ARP request, why, and the sysctls that decided it. */
export interface ArpDecideEvent {
  kind: 'arp.decide';
  host: string;
  dev: string;
  sip: string;
  tip: string;
  sha: string;
  verdict: 'reply' | 'silent';
  reason: string;
  arp_ignore: number;
  arp_ignore_all: number;
  arp_ignore_dev: number;
  rp_filter: number;
  /** For arp_ignore: which test failed. */
  detail?: string;
}

/** arp_process: answer requests for local addresses, and learn from what arrives (docs/linux-behaviour.md A2–A5, A9). */
export function arpRcv(host: Host, dev: string, arp: ArpPacket, toUs: boolean): void {
  const { sip, tip } = { sip: arp.spa, tip: arp.tpa };
  if ((arp.op !== ARPOP_REQUEST && arp.op !== ARPOP_REPLY) || arp.htype !== 1 || arp.ptype !== 0x0800) return;
  if (isMulticast(tip) || (isLoopback(tip) && host.sysctl.conf(dev, 'route_localnet') === 0)) return;
  const garpShape = isGarp(arp);
  if (garpShape && host.sysctl.conf(dev, 'drop_gratuitous_arp')) {
    decide(host, dev, arp, 'silent', 'drop_gratuitous_arp');
    return;
  }
  if (sip === '0.0.0.0') {
    // Duplicate address detection probe.
    if (
      arp.op === ARPOP_REQUEST &&
      host.addrsOf(dev).some((a) => a.ip === tip) &&
      !arpIgnore(host, dev, sip, tip)
    ) {
      sendArpReply(host, dev, sip, arp.sha, tip);
    }
    return;
  }
  if (arp.op === ARPOP_REQUEST) {
    const rt = routeInput(host, tip, sip, dev);
    if (rt.ok && rt.type === 'local') {
      answerRequest(host, dev, arp);
      return;
    }
    if (!rt.ok && host.isLocalAddr(tip)) decide(host, dev, arp, 'silent', rt.reason);
  }
  learn(host, dev, arp, toUs);
}

function answerRequest(host: Host, dev: string, arp: ArpPacket): void {
  const ignored = arpIgnore(host, dev, arp.spa, arp.tpa);
  if (ignored) {
    decide(host, dev, arp, 'silent', 'arp_ignore', { detail: ignored });
    return;
  }
  if (host.sysctl.conf(dev, 'arp_filter')) {
    const back = host.routes.lookup(arp.spa);
    if (!back || back.dev !== dev) {
      decide(host, dev, arp, 'silent', 'arp_filter');
      return;
    }
  }
  // neigh_event_ns: the requester's entry is created or overridden, STALE.
  const e = host.neigh.get(dev, arp.spa) ?? host.neigh.create(dev, arp.spa);
  host.neigh.update(e, arp.sha, 'STALE', true, 'arp-request-for-us');
  decide(host, dev, arp, 'reply', 'local-address');
  sendArpReply(host, dev, arp.spa, arp.sha, arp.tpa);
}

/** "Update our ARP tables": existing entries follow, new ones only with arp_accept. */
function learn(host: Host, dev: string, arp: ArpPacket, toUs: boolean): void {
  const sip = arp.spa;
  let e = host.neigh.get(dev, sip);
  const accept = host.sysctl.conf(dev, 'arp_accept');
  const garp = isGarp(arp);
  const acceptHere =
    accept === 1 || (accept === 2 && host.addrsOf(dev).some((a) => inSubnet(sip, a.ip, a.prefix)));
  if (!e && acceptHere && (garp || arp.op === ARPOP_REPLY) && !host.isLocalAddr(sip)) {
    e = host.neigh.create(dev, sip);
  }
  if (!e) return;
  const locktime = host.sysctl.neigh(dev, 'locktime') * 10_000; // USER_HZ ticks → µs
  const override = host.sim.now > e.updated + locktime || garp;
  const state = arp.op === ARPOP_REPLY && toUs ? 'REACHABLE' : 'STALE';
  host.neigh.update(
    e,
    arp.sha,
    state,
    override,
    garp ? 'gratuitous-arp' : arp.op === ARPOP_REPLY ? 'arp-reply' : 'arp-request-seen',
  );
}

function decide(
  host: Host,
  dev: string,
  arp: ArpPacket,
  verdict: 'reply' | 'silent',
  reason: string,
  extra: { detail?: string } = {},
): void {
  host.sim.emit({
    kind: 'arp.decide',
    host: host.name,
    dev,
    sip: arp.spa,
    tip: arp.tpa,
    sha: arp.sha,
    verdict,
    reason,
    arp_ignore: host.sysctl.conf(dev, 'arp_ignore'),
    arp_ignore_all: host.sysctl.get('net.ipv4.conf.all.arp_ignore') ?? 0,
    arp_ignore_dev: host.sysctl.get(`net.ipv4.conf.${dev}.arp_ignore`) ?? 0,
    rp_filter: host.sysctl.conf(dev, 'rp_filter'),
    ...extra,
  });
}

/** arp_is_garp: sender and target IP equal; a reply must also carry tha == sha. */
function isGarp(arp: ArpPacket): boolean {
  return arp.spa === arp.tpa && (arp.op !== ARPOP_REPLY || arp.tha === arp.sha);
}
