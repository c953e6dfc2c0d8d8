/** The lessons shipped with the app, in the order a course would take them. */
import natSeed from './nat-seed.json';
import drSeed from './dr-seed.json';
import tunSeed from './tun-seed.json';
import schedulers from './schedulers.json';
import natBottleneck from './nat-bottleneck.json';
import breakNatGateway from './break-nat-gateway.json';
import breakDrArp from './break-dr-arp.json';
import breakDrRpfilter from './break-dr-rpfilter.json';
import haFailover from './ha-failover.json';

/** Raw JSON: validate with validateLesson before use. */
export const SHIPPED_LESSONS: readonly unknown[] = [
  natSeed,
  drSeed,
  tunSeed,
  schedulers,
  natBottleneck,
  breakNatGateway,
  breakDrArp,
  breakDrRpfilter,
  haFailover,
];
