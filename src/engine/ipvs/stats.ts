/** Counters kept per real server, per service and for the whole table (ip_vs_ctl.c, ip_vs_est.c). */
export interface IpvsCounters {
  conns: number;
  inpkts: number;
  outpkts: number;
  inbytes: number;
  outbytes: number;
}

/** The 2-second estimator's running averages (ip_vs_est.c), in the kernel's scaled units. */
export interface IpvsEstimator {
  last: IpvsCounters;
  cps: number;
  inpps: number;
  outpps: number;
  inbps: number;
  outbps: number;
}

export interface IpvsStats {
  counters: IpvsCounters;
  est: IpvsEstimator;
}

export const zeroCounters = (): IpvsCounters => ({
  conns: 0,
  inpkts: 0,
  outpkts: 0,
  inbytes: 0,
  outbytes: 0,
});

export function newStats(): IpvsStats {
  return {
    counters: zeroCounters(),
    est: { last: zeroCounters(), cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 },
  };
}

/** One 2-second tick: rate = Δ << 9 (counts) or Δ << 4 (bytes); avg += (rate − avg) >> 2. */
export function estimatorTick(s: IpvsStats): void {
  const c = s.counters;
  const e = s.est;
  const step = (avg: number, delta: number, shift: number): number =>
    avg + Math.floor((delta * 2 ** shift - avg) / 4);
  e.cps = step(e.cps, c.conns - e.last.conns, 9);
  e.inpps = step(e.inpps, c.inpkts - e.last.inpkts, 9);
  e.outpps = step(e.outpps, c.outpkts - e.last.outpkts, 9);
  e.inbps = step(e.inbps, c.inbytes - e.last.inbytes, 4);
  e.outbps = step(e.outbps, c.outbytes - e.last.outbytes, 4);
  e.last = { ...c };
}

/** Rates as ipvsadm --rate shows them: (avg + 0x1FF) >> 10 per second, bytes (avg + 0xF) >> 5. */
export function rates(s: IpvsStats): {
  cps: number;
  inpps: number;
  outpps: number;
  inbps: number;
  outbps: number;
} {
  const e = s.est;
  const pps = (v: number): number => Math.floor((v + 0x1ff) / 1024);
  const bps = (v: number): number => Math.floor((v + 0xf) / 32);
  return {
    cps: pps(e.cps),
    inpps: pps(e.inpps),
    outpps: pps(e.outpps),
    inbps: bps(e.inbps),
    outbps: bps(e.outbps),
  };
}

export function zeroStats(s: IpvsStats): void {
  s.counters = zeroCounters();
  s.est = { last: zeroCounters(), cps: 0, inpps: 0, outpps: 0, inbps: 0, outbps: 0 };
}
