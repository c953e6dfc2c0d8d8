import type { Ipv4 } from '../packet/types';
import { CountedDest } from './schedulers/countedDest';
import type { IpvsDest } from './service';
import { newStats } from './stats';
import type { IpvsStats } from './stats';
import type { FwdMethod } from './types';

/**
 * A real server as the control plane makes it (struct ip_vs_dest): a class whose scheduling
 * counters announce their changes (CountedDest), so a decision records only what changed.
 * Counters start at zero, weight 0 until -a applies its options.
 */
export class DestEntry extends CountedDest implements IpvsDest {
  lastWeight = 0;
  uThreshold = 0;
  lThreshold = 0;
  persistconns = 0;
  readonly stats: IpvsStats = newStats();
  tunType: IpvsDest['tunType'] = 'ipip';
  tunPort = 0;
  tunFlags: IpvsDest['tunFlags'] = 'nocsum';

  constructor(
    readonly key: string,
    readonly addr: Ipv4,
    readonly port: number,
    public fwd: FwdMethod,
  ) {
    super();
  }
}
