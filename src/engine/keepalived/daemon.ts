/**
 * keepalived 1.3.5 as CentOS 7's keepalived.service runs it (`/usr/sbin/keepalived -D`): a
 * parent that reads global_defs and forks the healthcheckers and VRRP children, each of which
 * reads the whole file again and logs what it finds. Stop is SIGTERM to the parent; reload is
 * SIGHUP, forwarded to both children.
 */
import type { Host } from '../stack/host';
import { CheckChild } from './check/child';
import { completeVrrp } from './config/complete';
import { parseKeepalivedConfShared as parseKeepalivedConf } from './config/parseMemo';
import { KEEPALIVED_CONF, KEEPALIVED_SYSCONFIG } from './stockConf';
import { syslog } from './syslog';
import { VrrpChild } from './vrrp/child';
import type { VrrpInstance } from './vrrp/instance';
import { runScript } from './scriptRunner';
import { keepalivedFirewallDown, keepalivedFirewallUp, keepalivedSetVips } from '../netfilter/keepalivedSet';

export const VERSION_LINE = 'Keepalived v1.3.5 (03/19,2017), git commit v1.3.5-6-g6fa32f2';
export const UNIT = 'keepalived.service';

export interface KeepalivedPids {
  /** The process systemd started (it forks and exits). */
  start: number;
  parent: number;
  check: number;
  vrrp: number;
}

export class Keepalived {
  running = false;
  pids: KeepalivedPids | undefined;
  /** When the current (or last) run started and stopped, for `systemctl status`. */
  since = 0;
  stoppedAt: number | undefined;
  private detail = true;
  private nextPid: number;
  private check: CheckChild | undefined;
  private vrrp: VrrpChild | undefined;

  constructor(readonly host: Host) {
    this.nextPid = 2301 + (host.index - 1) * 100;
  }

  get vrrpInstances(): readonly VrrpInstance[] {
    return this.vrrp?.instances ?? [];
  }
  get vrrpAlive(): boolean {
    return this.vrrp !== undefined;
  }
  get checkChild(): CheckChild | undefined {
    return this.check;
  }

  private log(
    ident: 'Keepalived' | 'Keepalived_vrrp' | 'Keepalived_healthcheckers',
    pid: number,
    text: string,
    debug = false,
  ): void {
    syslog(this.host, ident, pid, text, { unit: UNIT, debug });
  }

  private readConf(): string {
    return this.host.files.get(KEEPALIVED_CONF) ?? '';
  }

  private hasIf = (n: string): boolean => this.host.devices.has(n);

  /** ExecStart: returns once the parent has forked (Type=forking). */
  start(): void {
    if (this.running) return;
    const p: KeepalivedPids = {
      start: this.nextPid,
      parent: this.nextPid + 1,
      check: this.nextPid + 2,
      vrrp: this.nextPid + 3,
    };
    this.nextPid += 10;
    this.pids = p;
    this.running = true;
    this.since = this.host.sim.now;
    this.detail = /(^|\s)(-D|--log-detail)(\s|$)/.test(this.options());
    this.systemd('Starting LVS and VRRP High Availability Monitor...');
    this.log('Keepalived', p.start, `Starting ${VERSION_LINE}`);
    const text = this.readConf();
    const parsed = parseKeepalivedConf(text, 'parent', this.hasIf);
    if (/^\s*(script|misc_path|notify\w*)\s/m.test(text))
      this.log(
        'Keepalived',
        p.start,
        "Unable to resolve default script username 'keepalived_script' - ignoring",
      );
    this.log('Keepalived', p.start, `Opening file '${KEEPALIVED_CONF}'.`);
    if (!this.host.files.has(KEEPALIVED_CONF))
      this.log('Keepalived', p.start, `Configuration file '${KEEPALIVED_CONF}' does not exist`);
    for (const m of parsed.messages) this.log('Keepalived', p.start, m);
    this.log('Keepalived', p.parent, `Starting Healthcheck child process, pid=${p.check}`);
    this.log('Keepalived', p.parent, `Starting VRRP child process, pid=${p.vrrp}`);
    this.systemd('Started LVS and VRRP High Availability Monitor.');
    this.startCheck(text);
    this.startVrrp(text);
  }

  /** KEEPALIVED_OPTIONS from /etc/sysconfig/keepalived (EnvironmentFile=-). */
  options(): string {
    const m = /^\s*KEEPALIVED_OPTIONS=(?:"([^"]*)"|'([^']*)'|(\S*))/m.exec(
      this.host.files.get(KEEPALIVED_SYSCONFIG) ?? '',
    );
    return (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
  }

  /** Lines keepalived prints only with -D (LOG_DETAIL_BIT). */
  private static readonly DETAIL =
    /^(VRRP_Instance\(\S+\) (setting|removing) protocol (VIPs\.|iptable drop rule)|Sending gratuitous ARP on |VRRP_Instance\(\S+\) Sending\/queueing gratuitous ARPs)/;

  private startCheck(text: string): void {
    const p = this.pids!;
    const log = (t: string, debug = false): void => this.log('Keepalived_healthcheckers', p.check, t, debug);
    log(`Opening file '${KEEPALIVED_CONF}'.`);
    const parsed = parseKeepalivedConf(text, 'check', this.hasIf);
    for (const m of parsed.messages) log(m);
    this.check = new CheckChild(this.host, log);
    this.check.start(parsed.config);
  }

  private vrrpEnv() {
    const p = this.pids!;
    const log = (t: string): void => {
      if (this.detail || !Keepalived.DETAIL.test(t)) this.log('Keepalived_vrrp', p.vrrp, t);
    };
    return {
      host: this.host,
      log,
      setDropRule: (inst: VrrpInstance, on: boolean) =>
        keepalivedSetVips(
          this.host,
          inst.conf.vips.map((v) => v.ip),
          on,
        ),
      notify: (inst: VrrpInstance, state: 'MASTER' | 'BACKUP' | 'FAULT' | 'STOP') => {
        const c = inst.conf;
        const specific = {
          MASTER: c.notifyMaster,
          BACKUP: c.notifyBackup,
          FAULT: c.notifyFault,
          STOP: c.notifyStop,
        }[state];
        if (specific) runScript(this.host, specific, 0, () => undefined);
        if (c.notify)
          runScript(
            this.host,
            `"${c.notify}" INSTANCE "${c.name}" ${state} ${inst.effective}`,
            0,
            () => undefined,
          );
      },
    };
  }

  private startVrrp(text: string): void {
    const p = this.pids!;
    const env = this.vrrpEnv();
    env.log('Registering Kernel netlink reflector');
    env.log('Registering Kernel netlink command channel');
    env.log('Registering gratuitous ARP shared channel');
    env.log(`Opening file '${KEEPALIVED_CONF}'.`);
    const parsed = parseKeepalivedConf(text, 'vrrp', this.hasIf);
    for (const m of parsed.messages) env.log(m);
    const done = completeVrrp(parsed.config, this.hasIf);
    for (const m of done.messages) env.log(m);
    if (done.fatal) {
      // The child exits KEEPALIVED_EXIT_CONFIG; the parent takes everything down.
      this.log('Keepalived', p.parent, 'Keepalived_vrrp exited with permanent error CONFIG. Terminating');
      this.vrrp = undefined;
      this.terminate();
      return;
    }
    env.log('Using LinkWatch kernel netlink reflector...');
    // vrrp_complete_init clears what a previous run left; iptables_startup then builds the
    // set and its DROP rule when some instance will block its VIPs (not owner, no accept).
    keepalivedFirewallDown(this.host);
    if (done.instances.some((i) => i.priority !== 255 && !i.accept)) keepalivedFirewallUp(this.host);
    this.vrrp = new VrrpChild(env, parsed.config.global);
    this.vrrp.start(done.instances, parsed.config.vrrpScripts);
  }

  /** SIGTERM to the parent (systemctl stop): children stop, then the parent. */
  stop(): void {
    if (!this.running) return;
    this.systemd('Stopping LVS and VRRP High Availability Monitor...');
    this.log('Keepalived', this.pids!.parent, 'Stopping');
    this.terminate();
    this.systemd('Stopped LVS and VRRP High Availability Monitor.');
  }

  private terminate(): void {
    const p = this.pids!;
    this.vrrp?.stop();
    if (this.vrrp) keepalivedFirewallDown(this.host); // iptables_fini
    this.check?.stop();
    this.log('Keepalived_healthcheckers', p.check, 'Stopped');
    if (this.vrrp) this.log('Keepalived_vrrp', p.vrrp, 'Stopped');
    this.log('Keepalived', p.parent, `Stopped ${VERSION_LINE}`);
    this.vrrp = undefined;
    this.check = undefined;
    this.running = false;
    this.stoppedAt = this.host.sim.now;
  }

  /** SIGHUP: both children re-read the file; VRRP keeps its state. */
  reload(): void {
    if (!this.running) return;
    const p = this.pids!;
    const text = this.readConf();
    this.systemd('Reloading LVS and VRRP High Availability Monitor.');
    const clog = (t: string, debug = false): void => this.log('Keepalived_healthcheckers', p.check, t, debug);
    clog('Got SIGHUP, reloading checker configuration');
    clog('Initializing ipvs', true);
    clog(`Opening file '${KEEPALIVED_CONF}'.`);
    const checkParsed = parseKeepalivedConf(text, 'check', this.hasIf);
    for (const m of checkParsed.messages) clog(m);
    this.check?.reload(checkParsed.config);
    const env = this.vrrpEnv();
    env.log('Reloading Keepalived VRRP child process');
    env.log(`Opening file '${KEEPALIVED_CONF}'.`);
    const parsed = parseKeepalivedConf(text, 'vrrp', this.hasIf);
    for (const m of parsed.messages) env.log(m);
    const done = completeVrrp(parsed.config, this.hasIf);
    for (const m of done.messages) env.log(m);
    this.systemd('Reloaded LVS and VRRP High Availability Monitor.');
    if (done.fatal) {
      this.log('Keepalived', p.parent, 'Keepalived_vrrp exited with permanent error CONFIG. Terminating');
      this.terminate();
      return;
    }
    this.vrrp?.reload(parsed.config.global, done.instances, parsed.config.vrrpScripts);
  }

  private systemd(text: string): void {
    syslog(this.host, 'systemd', 1, text, { unit: UNIT });
  }
}

/** The host's keepalived (host.keepalived), made on first look. */
export function keepalivedOf(host: Host): Keepalived {
  return (host.keepalived ??= new Keepalived(host));
}
