/** Kernel SNMP counters the labs cite (nstat names). */
export type Counter =
  | 'IpInReceives'
  | 'IpInAddrErrors'
  | 'IpInNoRoutes'
  | 'IpForwDatagrams'
  | 'IpInDelivers'
  | 'IpOutRequests'
  | 'IpExtInNoRoutes'
  | 'TcpExtIPReversePathFilter'
  | 'IcmpOutTimeExcds'
  | 'IcmpOutDestUnreachs';

/**
 * A host's SNMP counters, one field each, in nstat's order (its own keys, read in this order, are
 * the counters' list). Every packet bumps several: a Map's get and set by name cost more than a
 * field, and `this[c]++` by a name, meeting ten names, went megamorphic (a stub-cache probe per
 * count); a switch on the name, inlined where the name is a constant, folds to one field's add.
 */
export class SnmpCounters {
  IpInReceives = 0;
  IpInAddrErrors = 0;
  IpInNoRoutes = 0;
  IpForwDatagrams = 0;
  IpInDelivers = 0;
  IpOutRequests = 0;
  IpExtInNoRoutes = 0;
  TcpExtIPReversePathFilter = 0;
  IcmpOutTimeExcds = 0;
  IcmpOutDestUnreachs = 0;

  count(c: Counter): void {
    switch (c) {
      case 'IpInReceives':
        this.IpInReceives++;
        return;
      case 'IpInDelivers':
        this.IpInDelivers++;
        return;
      case 'IpOutRequests':
        this.IpOutRequests++;
        return;
      case 'IpForwDatagrams':
        this.IpForwDatagrams++;
        return;
      case 'IpInAddrErrors':
        this.IpInAddrErrors++;
        return;
      case 'IpInNoRoutes':
        this.IpInNoRoutes++;
        return;
      case 'IpExtInNoRoutes':
        this.IpExtInNoRoutes++;
        return;
      case 'TcpExtIPReversePathFilter':
        this.TcpExtIPReversePathFilter++;
        return;
      case 'IcmpOutTimeExcds':
        this.IcmpOutTimeExcds++;
        return;
      case 'IcmpOutDestUnreachs':
        this.IcmpOutDestUnreachs++;
        return;
    }
  }
}
