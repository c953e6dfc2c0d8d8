/**
 * A virtual_server as the checker child keeps it (ipwrapper.c at 1.3.5): which real servers are
 * alive, the quorum and the sorry server, and the IPVS calls each change makes. A real server
 * is down while any of its checkers has failed.
 */
import type { Host } from '../../stack/host';
import type { RealServerConf, VirtualServerConf } from '../config/types';
import type { QuorumEvent, RealServerStateEvent } from './events';
import { fmtVs, IpvsOps } from './ipvsOps';
import { runScript } from '../scriptRunner';

export interface RsRuntime {
  conf: RealServerConf;
  alive: boolean;
  /** Checkers currently failing (by index in conf.checkers). */
  failed: Set<number>;
  weight: number;
}

export class VsRuntime {
  quorumUp = true;
  readonly rs: RsRuntime[];
  private readonly ops: IpvsOps;

  constructor(
    readonly conf: VirtualServerConf,
    private readonly host: Host,
    private readonly log: (text: string) => void,
  ) {
    this.ops = new IpvsOps(host, log);
    this.rs = conf.realServers.map((c) => ({
      conf: c,
      alive: !conf.alpha || c.checkers.length === 0,
      failed: new Set(conf.alpha ? c.checkers.map((_, i) => i) : []),
      weight: c.weight,
    }));
  }

  get name(): string {
    return fmtVs(this.conf);
  }

  private fmtRs(r: RsRuntime): string {
    return `[${r.conf.ip}]:${r.conf.port}`;
  }

  /** init_service_vs: the service, then every server not waiting for alpha's first check. */
  start(): void {
    this.ops.addVs(this.conf);
    for (const r of this.rs) if (r.alive) this.ops.addRs(this.conf, r.conf.ip, r.conf.port, r.weight);
    if (this.conf.alpha && this.weightSum() < this.conf.quorum) {
      this.quorumUp = false;
      const s = this.conf.sorryServer;
      if (s) this.ops.addRs(this.conf, s.ip, s.port, 1);
    }
  }

  private weightSum(): number {
    return this.rs.filter((r) => r.alive).reduce((s, r) => s + r.weight, 0);
  }

  /** update_svr_checker_state: one checker's verdict changes the server only at the edges. */
  checkerState(r: RsRuntime, index: number, up: boolean): void {
    if (up) r.failed.delete(index);
    else r.failed.add(index);
    const alive = r.failed.size === 0;
    if (alive !== r.alive) this.perform(r, alive);
  }

  /** perform_svr_state. */
  private perform(r: RsRuntime, alive: boolean): void {
    const inhibit = r.conf.inhibitOnFailure;
    const word = alive ? (inhibit ? 'Enabling' : 'Adding') : inhibit ? 'Disabling' : 'Removing';
    this.log(`${word} service ${this.fmtRs(r)} ${alive ? 'to' : 'from'} VS ${this.name}`);
    // With a sorry server in place the pool stays empty until quorum is back.
    if (this.quorumUp || !this.conf.sorryServer) {
      if (alive) this.ops.addRs(this.conf, r.conf.ip, r.conf.port, r.weight);
      else this.ops.delRs(this.conf, r.conf.ip, r.conf.port, inhibit);
    }
    r.alive = alive;
    this.script(alive ? r.conf.notifyUp : r.conf.notifyDown);
    const ev: RealServerStateEvent = {
      kind: 'keepalived.rs',
      host: this.host.name,
      vs: this.name,
      rs: r.conf.ip,
      port: r.conf.port,
      up: alive,
      inhibit,
    };
    this.host.sim.emit({ ...ev });
    this.updateQuorum();
  }

  /** misc_dynamic: a new weight for a live server. */
  setWeight(r: RsRuntime, weight: number): void {
    if (weight === r.weight) return;
    r.weight = weight;
    if (r.alive && (this.quorumUp || !this.conf.sorryServer))
      this.ops.addRs(this.conf, r.conf.ip, r.conf.port, weight);
    this.updateQuorum();
  }

  /** update_quorum_state. */
  private updateQuorum(): void {
    const w = this.weightSum();
    const { quorum: q, hysteresis: h } = this.conf;
    const s = this.conf.sorryServer;
    const sorry = s ? `[${s.ip}]:${s.port}` : '';
    if (this.quorumUp && (w === 0 || w < q - h)) {
      this.log(`Lost quorum ${q}-${h}=${q - h} > ${w} for VS ${this.name}`);
      if (s) {
        this.log(
          `${this.conf.sorryServerInhibit ? 'Enabling' : 'Adding'} sorry server ${sorry} to VS ${this.name}`,
        );
        this.ops.addRs(this.conf, s.ip, s.port, 1);
        this.log(`Removing alive servers from the pool for VS ${this.name}`);
        for (const r of this.rs)
          if (r.alive) this.ops.delRs(this.conf, r.conf.ip, r.conf.port, r.conf.inhibitOnFailure);
      }
      this.quorumUp = false;
      this.script(this.conf.quorumDown);
      this.quorumEvent(false, w);
    } else if (!this.quorumUp && w > 0 && w >= q + h) {
      this.log(`Gained quorum ${q}+${h}=${q + h} <= ${w} for VS ${this.name}`);
      if (s) {
        this.log(
          `${this.conf.sorryServerInhibit ? 'Disabling' : 'Removing'} sorry server ${sorry} from VS ${this.name}`,
        );
        this.ops.delRs(this.conf, s.ip, s.port, this.conf.sorryServerInhibit);
        this.log(`Adding alive servers to the pool for VS ${this.name}`);
        for (const r of this.rs) if (r.alive) this.ops.addRs(this.conf, r.conf.ip, r.conf.port, r.weight);
      }
      this.quorumUp = true;
      this.script(this.conf.quorumUp);
      this.quorumEvent(true, w);
    }
  }

  private quorumEvent(up: boolean, weight: number): void {
    const ev: QuorumEvent = { kind: 'keepalived.quorum', host: this.host.name, vs: this.name, up, weight };
    this.host.sim.emit({ ...ev });
  }

  /** A server dropped by a reload leaves the table. */
  removeFromTable(r: RsRuntime): void {
    this.ops.delRs(this.conf, r.conf.ip, r.conf.port, false);
  }

  /** A server that was down before a reload stays down (and out of the table). */
  markDownSilently(r: RsRuntime): void {
    if (!r.alive) return;
    r.conf.checkers.forEach((_, i) => r.failed.add(i));
    r.alive = false;
    this.ops.delRs(this.conf, r.conf.ip, r.conf.port, r.conf.inhibitOnFailure);
  }

  /** notify_up/notify_down/quorum_up/quorum_down: run, not waited for. */
  private script(cmd: string | undefined): void {
    if (cmd !== undefined) runScript(this.host, cmd, 0, () => undefined);
  }

  /** clear_services at stop: every live server, then the service; omega runs the down scripts. */
  stop(): void {
    for (const r of this.rs) {
      if (!r.alive) continue;
      this.log(`Removing service ${this.fmtRs(r)} from VS ${this.name}`);
      this.ops.delRs(this.conf, r.conf.ip, r.conf.port, false);
      if (this.conf.omega) this.script(r.conf.notifyDown);
    }
    if (this.conf.omega && this.quorumUp) this.script(this.conf.quorumDown);
    this.ops.delVs(this.conf);
  }
}
