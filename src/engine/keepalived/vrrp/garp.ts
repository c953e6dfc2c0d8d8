/**
 * Gratuitous ARPs of a new master (vrrp.c vrrp_send_update, vrrp_arp.c): garp_master_repeat
 * frames per VIP at once, as many again after garp_master_delay, and with garp_master_refresh
 * a periodic round. With -D each frame is logged.
 */
import { SEC } from '../../core/sim';
import { cancelTimer } from '../../core/eventQueue';
import type { QueuedEvent } from '../../core/eventQueue';
import type { CompletedInstance } from '../config/complete';
import type { InstanceEnv } from './instance';
import { sendGarp, vipDev } from './io';

export class GarpSender {
  private delayed: QueuedEvent | undefined;
  private lastRefresh = 0;

  constructor(
    private readonly env: InstanceEnv,
    private conf: CompletedInstance,
  ) {}

  setConf(conf: CompletedInstance): void {
    this.conf = conf;
  }

  /** One immediate round for VIPs added by a reload. */
  announce(vips: CompletedInstance['vips']): void {
    const all = this.conf;
    this.conf = { ...all, vips };
    this.round(this.repeat, true);
    this.conf = all;
  }

  private get repeat(): number {
    return this.conf.garpMasterRepeat ?? this.env.global.garpMasterRepeat;
  }

  private round(count: number, first: boolean): void {
    for (const v of this.conf.vips) {
      const dev = vipDev(this.conf, v);
      for (let i = 0; i < count; i++) {
        this.env.log(`Sending gratuitous ARP on ${dev} for ${v.ip}`);
        if (first && i === 0)
          this.env.log(
            `VRRP_Instance(${this.conf.name}) Sending/queueing gratuitous ARPs on ${dev} for ${v.ip}`,
          );
        sendGarp(this.env.host, dev, v.ip);
        this.env.host.sim.emit({
          kind: 'vrrp.garp',
          host: this.env.host.name,
          instance: this.conf.name,
          vip: v.ip,
          dev,
        });
      }
    }
  }

  /** The takeover bursts. */
  takeover(): void {
    this.round(this.repeat, true);
    this.lastRefresh = this.env.host.sim.now;
    const delay = this.conf.garpMasterDelay ?? this.env.global.garpMasterDelay;
    if (delay > 0)
      this.delayed = this.env.host.sim.after(delay * SEC, `garp:${this.conf.name}`, () => {
        this.delayed = undefined;
        this.round(this.repeat, false);
      });
  }

  /** Called on each master tick: the garp_master_refresh round when it is due. */
  refreshTick(): void {
    const every = this.conf.garpMasterRefresh ?? this.env.global.garpMasterRefresh;
    if (every <= 0 || this.env.host.sim.now - this.lastRefresh < every * SEC) return;
    this.lastRefresh = this.env.host.sim.now;
    this.round(this.env.global.garpMasterRefreshRepeat, false);
  }

  cancel(): void {
    cancelTimer(this.delayed);
    this.delayed = undefined;
  }
}
