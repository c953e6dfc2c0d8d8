/**
 * One vrrp_instance's state machine (keepalived 1.3.5 vrrp_scheduler.c VRRP_FSM and vrrp.c):
 * BACKUP waits Master_Down_Interval for adverts, then sends one and logs "Transition to MASTER
 * STATE"; one advert_int later it is "Entering MASTER STATE", adds the VIPs and sends
 * gratuitous ARPs. A master steps down on a higher-priority advert; a priority-0 advert makes a
 * backup take over after its skew.
 */
import { SEC } from '../../core/sim';
import { cancelTimer } from '../../core/eventQueue';
import type { QueuedEvent } from '../../core/eventQueue';
import { ipNum } from '../../stack/addrMath';
import type { Host } from '../../stack/host';
import type { Ipv4 } from '../../packet/types';
import type { VrrpAdvert } from '../../packet/vrrp';
import type { CompletedInstance } from '../config/complete';
import type { GlobalDefs } from '../config/types';
import type { VrrpStateEvent, VrrpStateName } from './events';
import { addVips, primaryAddr, removeVips, sendAdvert } from './io';
import { GarpSender } from './garp';
import { masterDownUs, skewUs } from './timers';

export interface InstanceEnv {
  host: Host;
  global: GlobalDefs;
  log: (text: string) => void;
  nextIpId: () => number;
  /** vrrp_strict's DROP rule for the VIPs (iptables hook point). */
  setDropRule: (inst: VrrpInstance, on: boolean) => void;
  notify: (inst: VrrpInstance, state: 'MASTER' | 'BACKUP' | 'FAULT' | 'STOP') => void;
}

export class VrrpInstance {
  state: VrrpStateName = 'INIT';
  /** Priority after tracking weights (vrrp->effective_priority). */
  effective: number;
  /** MASTER reached but VIPs not yet set: the "Transition" tick. */
  private vipsSet = false;
  private goingMaster = false;
  private timer: QueuedEvent | undefined;
  private readonly garp: GarpSender;
  private lastSender: Ipv4 | undefined;
  private preemptUntil = 0;

  constructor(
    public conf: CompletedInstance,
    private readonly env: InstanceEnv,
  ) {
    this.effective = conf.priority;
    this.garp = new GarpSender(env, conf);
  }

  get name(): string {
    return this.conf.name;
  }
  get dev(): string {
    return this.conf.interface!;
  }
  get hasVips(): boolean {
    return this.vipsSet;
  }
  private get advertUs(): number {
    return this.conf.advertInt * SEC;
  }
  private get tag(): string {
    return `VRRP_Instance(${this.name})`;
  }

  /** vrrp_init_state. */
  start(faulty: boolean): void {
    if (this.conf.preemptDelay > 0) this.preemptUntil = this.env.host.sim.now + this.conf.preemptDelay * SEC;
    if (faulty) {
      this.env.log(`${this.tag} Now in FAULT state`);
      this.setState('FAULT', 'startup');
      return;
    }
    if (this.conf.initState === 'MASTER') {
      this.goingMaster = true;
      this.arm(this.advertUs);
      return;
    }
    this.env.log(`${this.tag} Entering BACKUP STATE`);
    this.setState('BACKUP', 'startup');
    this.env.notify(this, 'BACKUP');
    this.arm(masterDownUs(this.conf.advertInt, this.conf.priority));
  }

  private arm(delay: number): void {
    cancelTimer(this.timer);
    this.timer = this.env.host.sim.after(delay, `vrrp:${this.name}`, () => this.timeout());
  }

  private setState(to: VrrpStateName, cause: string): void {
    const from = this.state;
    this.state = to;
    const ev: VrrpStateEvent = {
      kind: 'vrrp.state',
      host: this.env.host.name,
      instance: this.name,
      vrid: this.conf.vrid,
      from,
      to,
      priority: this.effective,
      cause,
    };
    this.env.host.sim.emit({ ...ev });
  }

  private advert(priority = this.effective): void {
    const sent = sendAdvert(
      this.env.host,
      this.conf,
      priority,
      this.env.nextIpId(),
      this.env.global.mcastGroup4,
    );
    if (!sent) return;
    this.env.host.sim.emit({
      kind: 'vrrp.advert',
      host: this.env.host.name,
      instance: this.name,
      vrid: this.conf.vrid,
      priority,
      src: sent.src,
      pkt: sent.pkt,
    });
  }

  private timeout(): void {
    this.timer = undefined;
    if (this.state === 'FAULT') return;
    if (this.state === 'BACKUP' || this.goingMaster) {
      this.gotoMaster(this.goingMaster ? 'startup' : 'master-down');
      return;
    }
    if (this.state === 'MASTER') {
      if (!this.vipsSet) this.becomeMaster();
      else this.garp.refreshTick();
      this.advert();
      this.arm(this.advertUs);
    }
  }

  /** vrrp_state_goto_master: one advert, MASTER without the VIPs yet. */
  private gotoMaster(cause: string): void {
    this.goingMaster = false;
    this.advert();
    this.env.log(`${this.tag} Transition to MASTER STATE`);
    this.vipsSet = false;
    this.setState('MASTER', cause);
    this.arm(this.advertUs);
  }

  /** vrrp_state_become_master. */
  private becomeMaster(): void {
    this.env.log(`${this.tag} Entering MASTER STATE`);
    if (this.blocks) {
      this.env.log(`${this.tag} setting protocol iptable drop rule`);
      this.env.setDropRule(this, true);
    }
    this.env.log(`${this.tag} setting protocol VIPs.`);
    addVips(this.env.host, this.conf);
    this.vipsSet = true;
    this.vipEvent('add');
    this.garp.takeover();
    this.env.notify(this, 'MASTER');
  }

  private vipEvent(action: 'add' | 'remove'): void {
    this.env.host.sim.emit({
      kind: 'vrrp.vip',
      host: this.env.host.name,
      instance: this.name,
      action,
      vips: this.conf.vips.map((v) => v.ip),
      dev: this.dev,
    });
  }

  /** vrrp_handle_accept_mode acts only for a non-owner without accept (vrrp_strict's default). */
  private get blocks(): boolean {
    return this.conf.priority !== 255 && !this.conf.accept;
  }

  /** vrrp_restore_interface: VIPs and the strict rule go; no ARP of any kind. */
  private releaseVips(): void {
    this.garp.cancel();
    if (!this.vipsSet) return;
    this.env.log(`${this.tag} removing protocol VIPs.`);
    removeVips(this.env.host, this.conf);
    if (this.blocks) {
      this.env.log(`${this.tag} removing protocol iptable drop rule`);
      this.env.setDropRule(this, false);
    }
    this.vipsSet = false;
    this.vipEvent('remove');
  }

  /** "Higher" = higher priority, or equal priority from a higher primary address (vrrp_saddr_cmp). */
  private higher(a: VrrpAdvert, src: Ipv4): boolean {
    if (a.priority !== this.effective) return a.priority > this.effective;
    const mine = primaryAddr(this.env.host, this.dev) ?? '0.0.0.0';
    return ipNum(src) > ipNum(mine);
  }

  /** A valid advert for this instance arrived (vrrp_in_chk passed). */
  receive(a: VrrpAdvert, src: Ipv4): void {
    this.lastSender = src;
    if (this.state === 'FAULT') return;
    if (this.goingMaster) {
      // GOTO_MASTER hears an advert: it transitions at once, then reads it as a master.
      this.gotoMaster('startup');
    }
    if (this.state === 'BACKUP') this.backupRx(a, src);
    else if (this.state === 'MASTER') this.masterRx(a, src);
  }

  private backupRx(a: VrrpAdvert, src: Ipv4): void {
    if (a.priority === 0) {
      this.arm(skewUs(this.conf.priority));
      return;
    }
    const now = this.env.host.sim.now;
    if (this.conf.nopreempt || this.higher(a, src) || a.priority === this.effective) {
      this.arm(masterDownUs(this.conf.advertInt, this.conf.priority));
      return;
    }
    if (now < this.preemptUntil) {
      this.env.log(`${this.tag} start preempt delay(${this.conf.preemptDelay})`);
      this.arm(masterDownUs(this.conf.advertInt, this.conf.priority));
      return;
    }
    this.env.log(`${this.tag} forcing a new MASTER election`);
    this.advert();
    this.goingMaster = true;
    this.arm(this.advertUs);
  }

  private masterRx(a: VrrpAdvert, src: Ipv4): void {
    if (a.priority === 0) {
      this.advert();
      this.arm(this.advertUs);
      return;
    }
    if (a.priority === 255 && this.effective === 255) {
      this.env.log(
        `(${this.name}): CONFIGURATION ERROR: local instance and a remote instance are both configured as address owner, please fix - reducing local priority`,
      );
      this.effective = 254;
      return;
    }
    if (this.higher(a, src)) {
      this.env.log(`${this.tag} Received advert with higher priority ${a.priority}, ours ${this.effective}`);
      this.leaveMaster('BACKUP', 'higher-priority');
      return;
    }
    this.env.log(
      `${this.tag} Received advert with lower priority ${a.priority}, ours ${this.effective}, forcing new election`,
    );
    // Strict mode forces lower_prio_no_advert on.
    if (!this.env.global.vrrpStrict) this.advert();
  }

  /** vrrp_state_leave_master → BACKUP (higher advert) or FAULT. */
  private leaveMaster(to: 'BACKUP' | 'FAULT', cause: string): void {
    this.env.log(`${this.tag} Entering ${to} STATE`);
    this.releaseVips();
    if (to === 'FAULT') this.advert(0);
    this.setState(to, cause);
    this.env.notify(this, to);
    if (to === 'BACKUP') this.arm(masterDownUs(this.conf.advertInt, this.conf.priority));
    else cancelTimer(this.timer);
  }

  /** The interface (or a weight-0 tracked item) went down. */
  fault(): void {
    if (this.state === 'FAULT') return;
    this.goingMaster = false;
    if (this.state === 'MASTER') {
      this.leaveMaster('FAULT', 'fault');
      return;
    }
    this.env.log(`${this.tag} Now in FAULT state`);
    this.setState('FAULT', 'fault');
    this.env.notify(this, 'FAULT');
    cancelTimer(this.timer);
  }

  /** Everything is up again: back to the configured initial state (note the colon in these lines). */
  recover(): void {
    if (this.state !== 'FAULT') return;
    if (this.conf.initState === 'MASTER') {
      this.advert();
      this.env.log(`VRRP_Instance(${this.name}): Transition to MASTER STATE`);
      this.vipsSet = false;
      this.setState('MASTER', 'recovered');
      this.arm(this.advertUs);
      return;
    }
    this.env.log(`VRRP_Instance(${this.name}): Entering BACKUP STATE`);
    this.setState('BACKUP', 'recovered');
    this.env.notify(this, 'BACKUP');
    this.arm(masterDownUs(this.conf.advertInt, this.conf.priority));
  }

  /** A tracked script or interface changed the effective priority. */
  setEffective(p: number): void {
    const clamped = this.conf.priority === 255 ? 255 : Math.max(1, Math.min(254, p));
    if (clamped === this.effective) return;
    this.env.log(`${this.tag} Changing effective priority from ${this.effective} to ${clamped}`);
    this.effective = clamped;
  }

  /** Daemon stop (restore_vrrp_interfaces): a master sends priority 0 and drops its VIPs. */
  stop(): void {
    cancelTimer(this.timer);
    this.timer = undefined;
    if (this.state === 'MASTER') {
      this.advert(0);
      this.env.log(`${this.tag} sent 0 priority`);
      this.releaseVips();
    }
    this.garp.cancel();
    this.setState('INIT', 'stop');
  }

  /**
   * Reload (clear_diff_vrrp): the state is kept; on a master, VIPs that are gone leave the
   * interface and new ones are added and announced with gratuitous ARPs.
   */
  reconfigure(next: CompletedInstance): void {
    const prev = this.conf;
    this.conf = next;
    this.garp.setConf(next);
    if (!this.vipsSet) return;
    const host = this.env.host;
    const gone = prev.vips.filter((v) => !next.vips.some((n) => n.ip === v.ip));
    const added = next.vips.filter((v) => !prev.vips.some((p) => p.ip === v.ip));
    for (const v of gone) host.delAddress(v.dev ?? prev.interface!, v.ip, v.prefix);
    if (added.length === 0) return;
    addVips(host, { ...next, vips: added });
    this.garp.announce(added);
  }

  lastAdvertFrom(): Ipv4 | undefined {
    return this.lastSender;
  }
}
