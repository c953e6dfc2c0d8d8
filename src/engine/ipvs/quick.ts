import type { Host } from '../stack/host';
import { addDest, addService } from './control';
import { ipvsOf } from './ipvs';
import type { FwdMethod } from './types';

/** `ipvsadm -A -t VIP:PORT -s SCHED` with ipvsadm's defaults, for benchmarks and embeds. */
export function ipvsAddService(host: Host, vip: string, port: number, scheduler: string): string | undefined {
  return addService(
    ipvsOf(host),
    { kind: 'addr', protocol: 'tcp', addr: vip, port },
    {
      scheduler,
      persistent: 0,
      netmask: '255.255.255.255',
      pe: '',
      ops: false,
      flags: { flag1: false, flag2: false, flag3: false },
    },
  );
}

/** `ipvsadm -a -t VIP:PORT -r RIP:RPORT -m|-g|-i -w WEIGHT`. */
export function ipvsAddDest(
  host: Host,
  vip: string,
  port: number,
  rip: string,
  rport: number,
  fwd: FwdMethod,
  weight = 1,
): string | undefined {
  return addDest(
    ipvsOf(host),
    { kind: 'addr', protocol: 'tcp', addr: vip, port },
    {
      addr: rip,
      port: rport,
      fwd,
      weight,
      uThreshold: 0,
      lThreshold: 0,
      tunType: 'ipip',
      tunPort: 0,
      tunFlags: 'nocsum',
    },
  );
}
