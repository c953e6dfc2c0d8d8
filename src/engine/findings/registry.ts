import type { FindingDetector } from './types';
import { advertDropped } from './kinds/advertDropped';
import { arpVipAnswer } from './kinds/arpVipAnswer';
import { connReuse } from './kinds/connReuse';
import { failover } from './kinds/failover';
import { forwardingOff } from './kinds/forwardingOff';
import { healthyNoVip } from './kinds/healthyNoVip';
import { icmpError } from './kinds/icmpError';
import { icmpRelayed } from './kinds/icmpRelayed';
import { iptablesDrop } from './kinds/iptablesDrop';
import { lblcReplace } from './kinds/lblcReplace';
import { markNoService } from './kinds/markNoService';
import { natClientRst } from './kinds/natClientRst';
import { natReplyBypass } from './kinds/natReplyBypass';
import { noRoute } from './kinds/noRoute';
import { noUsableServer } from './kinds/noUsableServer';
import { overload } from './kinds/overload';
import { persistPin } from './kinds/persistPin';
import { preemption } from './kinds/preemption';
import { quiesced } from './kinds/quiesced';
import { rpFilterDrop } from './kinds/rpFilterDrop';
import { rsBack } from './kinds/rsBack';
import { rsOut } from './kinds/rsOut';
import { splitBrain } from './kinds/splitBrain';

/** Wiring: ARP, routing and the return path. */
const WIRING: readonly FindingDetector[] = [
  arpVipAnswer,
  natReplyBypass,
  natClientRst,
  rpFilterDrop,
  forwardingOff,
  noRoute,
  icmpError,
  icmpRelayed,
];

/** IPVS: services, connections and load (issue 12). */
const IPVS: readonly FindingDetector[] = [
  noUsableServer,
  connReuse,
  overload,
  quiesced,
  persistPin,
  lblcReplace,
];

/**
 * Firewall (issue 13): iptables dropping or rejecting what IPVS would have served, a MARK no
 * fwmark service matches. They read the iptables verdict events. (An ICMP error relayed to the
 * client is icmpRelayed, under wiring.)
 */
const FIREWALL: readonly FindingDetector[] = [iptablesDrop, markNoService];

/**
 * Failover (issue 15): keepalived taking a real server out or back, failover with the time
 * clients went unanswered, preemption, split brain, a VRRP advert a firewall dropped, and a DR
 * real server that passes its check but cannot serve the VIP. They read the VRRP and health
 * check events (facts in failoverFacts.ts).
 */
const FAILOVER: readonly FindingDetector[] = [
  rsOut,
  rsBack,
  failover,
  preemption,
  splitBrain,
  advertDropped,
  healthyNoVip,
];

/**
 * Every finding detector, in the order their findings are listed for one event. A new kind is
 * one file under kinds/, one entry in its group here, and its sentences under
 * `finding.<kind>` in both catalogs (findingCatalog.test.ts checks they match).
 */
export const FINDING_DETECTORS: readonly FindingDetector[] = [...WIRING, ...IPVS, ...FIREWALL, ...FAILOVER];

/** Every finding kind the detectors can produce (overload also yields overloadCleared). */
export const FINDING_KINDS: readonly string[] = [...FINDING_DETECTORS.map((d) => d.kind), 'overloadCleared'];
