import type { Scheduler } from '../types';
import { dh } from './dh';
import { fo } from './fo';
import { lblc } from './lblc';
import { lblcr } from './lblcr';
import { lc } from './lc';
import { mh } from './mh';
import { nq } from './nq';
import { ovf } from './ovf';
import { rr } from './rr';
import { sed } from './sed';
import { sh } from './sh';
import { twos } from './twos';
import { wlc } from './wlc';
import { wrr } from './wrr';

/** Every scheduler by its ipvsadm name, in the order ipvsadm's man page lists them (plus mh, twos). */
export const SCHEDULERS: ReadonlyMap<string, Scheduler> = new Map<string, Scheduler>(
  [rr, wrr, lc, wlc, lblc, lblcr, dh, sh, sed, nq, fo, ovf, mh, twos].map((s: Scheduler) => [s.name, s]),
);

export function getScheduler(name: string): Scheduler | undefined {
  return SCHEDULERS.get(name);
}
