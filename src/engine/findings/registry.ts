import type { FindingDetector } from './types';
import { arpVipAnswer } from './kinds/arpVipAnswer';
import { connReuse } from './kinds/connReuse';
import { forwardingOff } from './kinds/forwardingOff';
import { icmpError } from './kinds/icmpError';
import { lblcReplace } from './kinds/lblcReplace';
import { natClientRst } from './kinds/natClientRst';
import { natReplyBypass } from './kinds/natReplyBypass';
import { noRoute } from './kinds/noRoute';
import { noUsableServer } from './kinds/noUsableServer';
import { overload } from './kinds/overload';
import { persistPin } from './kinds/persistPin';
import { quiesced } from './kinds/quiesced';
import { rpFilterDrop } from './kinds/rpFilterDrop';

/**
 * Every finding detector, in the order their findings are listed for one event. A new kind is
 * one file under kinds/ and one entry here, plus its sentences under `finding.<kind>` in both
 * catalogs. Planned entries whose events live elsewhere: iptables drops or rejects of traffic
 * IPVS would have served and marks no fwmark service matches (issue 13, on the iptables
 * verdict events), keepalived failover, preemption and split brain (issue 15, on the VRRP
 * events).
 */
export const FINDING_DETECTORS: readonly FindingDetector[] = [
  // Wiring: ARP, routing and the return path.
  arpVipAnswer,
  natReplyBypass,
  natClientRst,
  rpFilterDrop,
  forwardingOff,
  noRoute,
  icmpError,
  // IPVS: services, connections and load.
  noUsableServer,
  connReuse,
  overload,
  quiesced,
  persistPin,
  lblcReplace,
];

/** Every finding kind the detectors can produce (overload also yields overloadCleared). */
export const FINDING_KINDS: readonly string[] = [...FINDING_DETECTORS.map((d) => d.kind), 'overloadCleared'];
