import { addDest, addService } from '../ipvs/control';
import { ipvsOf } from '../ipvs/ipvs';
import type { DestOptions, ServiceKey, ServiceOptions } from '../ipvs/service';
import type { FwdMethod } from '../ipvs/types';
import type { Host } from '../stack/host';

/** ipvsadm's defaults, for tests that drive the control plane directly. */
export const svcOpts = (scheduler = 'wlc', extra: Partial<ServiceOptions> = {}): ServiceOptions => ({
  scheduler,
  persistent: 0,
  netmask: '255.255.255.255',
  pe: '',
  ops: false,
  flags: { flag1: false, flag2: false, flag3: false },
  ...extra,
});

export const destOpts = (
  addr: string,
  port: number,
  fwd: FwdMethod,
  extra: Partial<DestOptions> = {},
): DestOptions => ({
  addr,
  port,
  fwd,
  weight: 1,
  uThreshold: 0,
  lThreshold: 0,
  tunType: 'ipip',
  tunPort: 0,
  tunFlags: 'nocsum',
  ...extra,
});

export const tcp = (addr: string, port: number): ServiceKey => ({
  kind: 'addr',
  protocol: 'tcp',
  addr,
  port,
});

/** `ipvsadm -A -t VIP:PORT -s SCHED` then `-a ... -r RIP:PORT -m|-g|-i` for each server. */
export function ipvsService(
  host: Host,
  vip: string,
  vport: number,
  scheduler: string,
  dests: [string, number, FwdMethod, number?][],
): void {
  const v = ipvsOf(host);
  const err = addService(v, tcp(vip, vport), svcOpts(scheduler));
  if (err) throw new Error(err);
  for (const [addr, port, fwd, weight] of dests) {
    const e = addDest(v, tcp(vip, vport), destOpts(addr, port, fwd, { weight: weight ?? 1 }));
    if (e) throw new Error(e);
  }
}
