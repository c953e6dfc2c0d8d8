/**
 * The VRRP child (Keepalived_vrrp): one raw socket for protocol 112 joined to the group on each
 * instance's interface, the instances, tracked interfaces and scripts, and the netlink link
 * watch that drives FAULT.
 */
import type { Host } from '../../stack/host';
import type { Skb } from '../../stack/skb';
import { IPPROTO_VRRP, vrrpOf } from '../../packet/vrrp';
import type { CompletedInstance } from '../config/complete';
import type { GlobalDefs, VrrpScriptConf } from '../config/types';
import type { VrrpRejectEvent } from './events';
import { VrrpInstance } from './instance';
import type { InstanceEnv } from './instance';
import { vrrpInChk } from './receive';
import { TrackedScript } from './trackScript';

export interface VrrpChildEnv {
  host: Host;
  log: (text: string) => void;
  setDropRule: InstanceEnv['setDropRule'];
  notify: InstanceEnv['notify'];
}

export class VrrpChild {
  readonly instances: VrrpInstance[] = [];
  private readonly scripts = new Map<string, TrackedScript>();
  private ipId: number;
  private readonly onLink = (dev: string, up: boolean): void => this.linkChanged(dev, up);
  private joined: string[] = [];

  constructor(
    private readonly env: VrrpChildEnv,
    private global: GlobalDefs,
  ) {
    this.ipId = env.host.sim.rng.child(`vrrp-ipid:${env.host.name}`).int(0x10000);
  }

  private instanceEnv(): InstanceEnv {
    return {
      host: this.env.host,
      global: this.global,
      log: this.env.log,
      nextIpId: () => (this.ipId = (this.ipId + 1) & 0xffff),
      setDropRule: this.env.setDropRule,
      notify: this.env.notify,
    };
  }

  start(confs: CompletedInstance[], scripts: VrrpScriptConf[]): void {
    const host = this.env.host;
    host.rawProtocols.set(IPPROTO_VRRP, (skb) => this.receive(skb));
    host.linkListeners.push(this.onLink);
    for (const s of scripts) {
      if (confs.some((c) => c.trackScript.some((t) => t.name === s.name)))
        this.scripts.set(s.name, new TrackedScript(s, host, this.env.log, () => this.reevaluate()));
    }
    for (const c of confs) this.addInstance(c);
    for (const s of this.scripts.values()) s.start();
  }

  private addInstance(c: CompletedInstance): VrrpInstance {
    const inst = new VrrpInstance(c, this.instanceEnv());
    this.instances.push(inst);
    this.env.host.joinGroup(c.interface!, this.global.mcastGroup4, true);
    this.joined.push(c.interface!);
    inst.start(this.faulty(inst));
    return inst;
  }

  /** A device is down, or a weight-0 tracked item failed. */
  private faulty(inst: VrrpInstance): boolean {
    const host = this.env.host;
    if (!host.devices.get(inst.dev)?.up) return true;
    if (inst.conf.trackInterface.some((t) => t.weight === 0 && !host.devices.get(t.name)?.up)) return true;
    return inst.conf.trackScript.some((t) => t.weight === 0 && this.scripts.get(t.name)?.good === false);
  }

  private priorityOf(inst: VrrpInstance): number {
    const host = this.env.host;
    let p = inst.conf.priority;
    for (const t of inst.conf.trackInterface)
      if (t.weight !== 0 && !host.devices.get(t.name)?.up) p += t.weight;
    for (const t of inst.conf.trackScript) {
      const good = this.scripts.get(t.name)?.good;
      if (t.weight > 0 && good === true) p += t.weight;
      if (t.weight < 0 && good === false) p += t.weight;
    }
    return p;
  }

  private reevaluate(): void {
    for (const inst of this.instances) {
      inst.setEffective(this.priorityOf(inst));
      if (this.faulty(inst)) inst.fault();
      else inst.recover();
    }
  }

  private linkChanged(dev: string, up: boolean): void {
    const watched = this.instances.some(
      (i) => i.dev === dev || i.conf.trackInterface.some((t) => t.name === dev),
    );
    if (!watched) return;
    this.env.log(`Kernel is reporting: interface ${dev} ${up ? 'UP' : 'DOWN'}`);
    this.reevaluate();
  }

  private receive(skb: Skb): void {
    const a = vrrpOf(skb.pkt);
    if (!a) return;
    const dev = skb.inDev ?? '';
    // vrrp_index_lookup: an advert for a VRID no instance has on this interface is ignored silently.
    const inst = this.instances.find((i) => i.conf.vrid === a.vrid && i.dev === dev);
    if (!inst) return;
    const skip = this.global.vrrpSkipCheckAdvAddr && inst.lastAdvertFrom() === skb.pkt.src;
    const chk = vrrpInChk(skb.pkt, a, inst.conf, skip);
    if (chk.result !== 'ok') {
      this.env.log(chk.message);
      this.env.log(
        chk.result === 'ko'
          ? `bogus VRRP packet received on ${dev} !!!`
          : `Sync instance needed on ${dev} !!!`,
      );
      const ev: VrrpRejectEvent = {
        kind: 'vrrp.reject',
        host: this.env.host.name,
        instance: inst.name,
        vrid: a.vrid,
        src: skb.pkt.src,
        reason: chk.reason,
      };
      this.env.host.sim.emit({ ...ev });
      return;
    }
    inst.receive(a, skb.pkt.src);
  }

  stop(): void {
    for (const i of this.instances) i.stop();
    for (const s of this.scripts.values()) s.stop();
    this.detach();
  }

  private detach(): void {
    const host = this.env.host;
    host.rawProtocols.delete(IPPROTO_VRRP);
    const li = host.linkListeners.indexOf(this.onLink);
    if (li >= 0) host.linkListeners.splice(li, 1);
    for (const d of this.joined) host.joinGroup(d, this.global.mcastGroup4, false);
    this.joined = [];
  }

  /**
   * SIGHUP (reload_vrrp_thread, clear_diff_vrrp): instances that stay keep their state and
   * VIPs; removed ones send priority 0 and drop their VIPs; new ones start.
   */
  reload(global: GlobalDefs, confs: CompletedInstance[], scripts: VrrpScriptConf[]): void {
    const old = new Map(this.instances.map((i) => [i.name, i]));
    for (const s of this.scripts.values()) s.stop();
    this.scripts.clear();
    const kept = this.instances.filter((i) => confs.some((c) => c.name === i.name));
    for (const i of this.instances) if (!kept.includes(i)) i.stop();
    this.detach();
    this.global = global;
    this.instances.length = 0;
    this.env.host.rawProtocols.set(IPPROTO_VRRP, (skb) => this.receive(skb));
    this.env.host.linkListeners.push(this.onLink);
    for (const s of scripts)
      if (confs.some((c) => c.trackScript.some((t) => t.name === s.name)))
        this.scripts.set(s.name, new TrackedScript(s, this.env.host, this.env.log, () => this.reevaluate()));
    for (const c of confs) {
      const prev = old.get(c.name);
      if (prev && kept.includes(prev)) {
        prev.reconfigure(c);
        this.instances.push(prev);
        this.env.host.joinGroup(c.interface!, this.global.mcastGroup4, true);
        this.joined.push(c.interface!);
      } else this.addInstance(c);
    }
    for (const s of this.scripts.values()) s.start();
    this.reevaluate();
  }
}
