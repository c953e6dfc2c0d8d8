/** VRRPv2 timers in microseconds (vrrp.h VRRP_TIMER_SKEW, vrrp_scheduler.c master_down). */
import { SEC } from '../../core/sim';

/** Skew_Time = (256 - base priority) / 256 s: the base priority, not the effective one. */
export function skewUs(basePriority: number): number {
  return Math.floor(((256 - basePriority) * SEC) / 256);
}

/** Master_Down_Interval = 3 × advert_int + skew. */
export function masterDownUs(advertIntS: number, basePriority: number): number {
  return 3 * advertIntS * SEC + skewUs(basePriority);
}
