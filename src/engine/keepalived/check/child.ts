/**
 * The checker child (Keepalived_healthcheckers): it runs on every director whatever the VRRP
 * state, adds the services and real servers at start, runs their checkers and empties what it
 * made at stop.
 */
import { clearServices } from '../../ipvs/control';
import { ipvsOf } from '../../ipvs/ipvs';
import type { Host } from '../../stack/host';
import type { KeepalivedConfig, VirtualServerConf } from '../config/types';
import { Checker } from './checker';
import { fmtVs } from './ipvsOps';
import { VsRuntime } from './service';

export class CheckChild {
  private services: VsRuntime[] = [];
  private checkers: Checker[] = [];
  private readonly rng;

  constructor(
    private readonly host: Host,
    private readonly log: (text: string, debug?: boolean) => void,
  ) {
    this.rng = host.sim.rng.child(`keepalived-check:${host.name}`);
  }

  get virtualServers(): readonly VsRuntime[] {
    return this.services;
  }

  start(config: KeepalivedConfig): void {
    this.log('Initializing ipvs', true);
    if (config.global.lvsFlush) clearServices(ipvsOf(this.host));
    for (const vs of config.virtualServers) this.addVs(vs);
    for (const c of this.checkers) c.start();
  }

  private addVs(conf: VirtualServerConf): VsRuntime {
    const vs = new VsRuntime(conf, this.host, (t) => this.log(t));
    vs.start();
    this.services.push(vs);
    for (const rs of vs.rs) {
      rs.conf.checkers.forEach((cc, i) => {
        this.log(`Activating healthchecker for service ${fmtVs(conf)}`);
        this.checkers.push(new Checker(this.host, vs, rs, i, cc, (t) => this.log(t), this.rng));
      });
    }
    return vs;
  }

  stop(): void {
    for (const c of this.checkers) c.stop();
    this.checkers = [];
    for (const vs of this.services) vs.stop();
    this.services = [];
  }

  /**
   * SIGHUP (reload_check_thread, clear_diff_services): services that are gone are removed,
   * servers that are gone leave, the rest restart their checks from the new configuration with
   * their alive state kept.
   */
  reload(config: KeepalivedConfig): void {
    for (const c of this.checkers) c.stop();
    this.checkers = [];
    const old = this.services;
    this.services = [];
    const same = (a: VirtualServerConf, b: VirtualServerConf): boolean => fmtVs(a) === fmtVs(b);
    for (const vs of old) {
      const next = config.virtualServers.find((n) => same(n, vs.conf));
      if (!next) {
        this.log(`Removing Virtual Server ${vs.name}`);
        vs.stop();
        continue;
      }
      for (const r of vs.rs)
        if (!next.realServers.some((n) => n.ip === r.conf.ip && n.port === r.conf.port)) {
          this.log(`service [${r.conf.ip}]:${r.conf.port} no longer exist`);
          if (r.alive) vs.removeFromTable(r);
        }
    }
    for (const conf of config.virtualServers) {
      const prev = old.find((o) => same(o.conf, conf));
      const vs = this.addVs(conf);
      if (!prev) continue;
      // rs->reloaded: a server that was down stays down until its check passes.
      for (const r of vs.rs) {
        const was = prev.rs.find((p) => p.conf.ip === r.conf.ip && p.conf.port === r.conf.port);
        if (was && !was.alive) vs.markDownSilently(r);
      }
    }
    for (const c of this.checkers) c.start();
  }
}
