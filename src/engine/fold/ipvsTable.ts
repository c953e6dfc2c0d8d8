/** The IPVS virtual service table folded from ipvs.control events (fold/hostState.ts). */
import type { IpvsControlEvent } from '../ipvs/control';
import type { FwdMethod } from '../ipvs/types';

export interface IpvsDestState {
  /** `addr:port`. */
  dest: string;
  fwd: FwdMethod;
  weight: number;
}

export interface IpvsServiceState {
  service: string;
  scheduler: string;
  /** Kernel list order: the newest dest first, as ipvsadm -L prints them. */
  dests: IpvsDestState[];
}

/** Apply one control event to a host's table (in place). */
export function applyIpvs(table: IpvsServiceState[], e: IpvsControlEvent): void {
  const svc = table.find((s) => s.service === e.service);
  switch (e.event) {
    case 'add-service':
      table.push({ service: e.service, scheduler: e.scheduler, dests: [] });
      return;
    case 'edit-service':
      if (svc) svc.scheduler = e.scheduler;
      return;
    case 'delete-service':
      if (svc) table.splice(table.indexOf(svc), 1);
      return;
    case 'add-dest':
      svc?.dests.unshift({ dest: e.dest, fwd: e.fwd, weight: e.weight });
      return;
    case 'edit-dest': {
      const d = svc?.dests.find((x) => x.dest === e.dest);
      if (d) Object.assign(d, { fwd: e.fwd, weight: e.weight });
      return;
    }
    case 'delete-dest':
      if (svc) svc.dests = svc.dests.filter((x) => x.dest !== e.dest);
      return;
  }
}
