/**
 * One checker of a real server (check_http.c, check_tcp.c, check_misc.c at 1.3.5). A server
 * that is up is checked every delay_loop; a failed attempt is logged and retried after
 * delay_before_retry until nb_get_retry (HTTP) or retry (TCP) retries have failed, then the
 * server goes down. A server that is down is checked once per delay_loop, silently, until a
 * check passes. MISC_CHECK has no retries.
 */
import { SEC } from '../../core/sim';
import { cancelTimer } from '../../core/eventQueue';
import type { QueuedEvent } from '../../core/eventQueue';
import type { Rng } from '../../core/rng';
import type { Host } from '../../stack/host';
import type { CheckerConf } from '../config/types';
import { runScript } from '../scriptRunner';
import type { CheckResultEvent } from './events';
import { httpProbe, tcpProbe } from './probes';
import type { HttpVerdict } from './probes';
import type { RsRuntime, VsRuntime } from './service';

/** BOOTSTRAP_DELAY: checkers start one second after the child. */
const BOOTSTRAP_US = SEC;

export class Checker {
  private timer: QueuedEvent | undefined;
  private retries = 0;
  private stopped = false;

  constructor(
    private readonly host: Host,
    private readonly vs: VsRuntime,
    private readonly rs: RsRuntime,
    private readonly index: number,
    private readonly conf: CheckerConf,
    private readonly log: (text: string) => void,
    private readonly rng: Rng,
  ) {}

  private get up(): boolean {
    return !this.rs.failed.has(this.index);
  }
  private get target(): string {
    return `[${this.ip}]:${this.port}`;
  }
  private get ip(): string {
    return this.conf.kind !== 'MISC_CHECK' && this.conf.connectIp ? this.conf.connectIp : this.rs.conf.ip;
  }
  private get port(): number {
    return this.conf.kind !== 'MISC_CHECK' && this.conf.connectPort
      ? this.conf.connectPort
      : this.rs.conf.port;
  }
  private get delayLoopUs(): number {
    return this.vs.conf.delayLoop * SEC;
  }
  private get timeoutUs(): number {
    if (this.conf.kind === 'MISC_CHECK') return (this.conf.timeout ?? this.vs.conf.delayLoop) * SEC;
    return Math.max(1, this.conf.connectTimeout ?? 5) * SEC;
  }

  /** register_checkers_thread: after the bootstrap delay plus a random part of warmup. */
  start(): void {
    const warmup = (this.conf.warmup ?? this.vs.conf.delayLoop) * SEC;
    this.schedule(BOOTSTRAP_US + (warmup > 0 ? this.rng.int(warmup) : 0));
  }

  stop(): void {
    this.stopped = true;
    cancelTimer(this.timer);
  }

  private schedule(delay: number): void {
    this.timer = this.host.sim.after(delay, `check:${this.rs.conf.ip}`, () => this.attempt());
  }

  private emit(ok: boolean, reason: string | null): void {
    const ev: CheckResultEvent = {
      kind: 'keepalived.check',
      host: this.host.name,
      checker: this.conf.kind,
      rs: this.ip,
      port: this.port,
      ok,
      reason,
    };
    this.host.sim.emit({ ...ev });
  }

  private attempt(): void {
    if (this.stopped) return;
    const c = this.conf;
    // ha_suspend: no checks while the virtual address is not on this director.
    const vip = this.vs.conf.addr?.ip;
    if (this.vs.conf.haSuspend && vip !== undefined && !this.host.isLocalAddr(vip)) {
      this.reschedule();
      return;
    }
    if (c.kind === 'MISC_CHECK') this.misc();
    else if (c.kind === 'TCP_CHECK')
      tcpProbe({ host: this.host, ip: this.ip, port: this.port, timeoutUs: this.timeoutUs }, (ok, timeout) =>
        ok
          ? this.pass([`TCP connection to ${this.target} success.`])
          : this.fail(
              `TCP connection to ${this.target} ${timeout ? 'timeout' : 'failed'}.`,
              c.retry,
              c.delayBeforeRetry,
            ),
      );
    else if (c.urls.length === 0) this.pass([]);
    else this.http(0, []);
  }

  private http(i: number, lines: string[]): void {
    const c = this.conf;
    if (c.kind !== 'HTTP_GET' && c.kind !== 'SSL_GET') return;
    const url = c.urls[i]!;
    const hostHeader = this.vs.conf.virtualhost ?? (this.port === 80 ? this.ip : `${this.ip}:${this.port}`);
    httpProbe(
      { host: this.host, ip: this.ip, port: this.port, timeoutUs: this.timeoutUs, url, hostHeader },
      (v: HttpVerdict) => {
        if (this.stopped) return;
        if (v.ok === false) this.fail(`${v.reason} server ${this.target}.`, c.nbGetRetry, c.delayBeforeRetry);
        else if (v.ok === 'neutral') this.reschedule();
        else {
          const next = [...lines, `${v.how} ${this.target} url(${i + 1}).`];
          if (i + 1 < c.urls.length) this.http(i + 1, next);
          else this.pass([...next, `Remote Web server ${this.target} succeed on service.`]);
        }
      },
    );
  }

  private misc(): void {
    const c = this.conf;
    if (c.kind !== 'MISC_CHECK' || c.path === undefined) return;
    const path = c.path;
    const head = `Misc check to [${this.rs.conf.ip}] for [${path}]`;
    runScript(this.host, path, this.timeoutUs, (exit) => {
      if (this.stopped) return;
      if (exit === 'timeout' || exit === 1 || (exit !== 0 && !c.dynamic)) {
        this.emit(false, exit === 'timeout' ? 'timed out' : 'failed');
        if (this.up) {
          this.log(exit === 'timeout' ? `${head} timed out` : `${head} failed.`);
          this.vs.checkerState(this.rs, this.index, false);
        }
        this.reschedule();
        return;
      }
      // misc_dynamic: exit 2..255 sets the weight to status - 2.
      if (c.dynamic && exit >= 2) this.vs.setWeight(this.rs, exit - 2);
      this.pass([`${head} success.`]);
    });
  }

  private pass(lines: string[]): void {
    this.emit(true, null);
    this.retries = 0;
    if (!this.up) {
      for (const l of lines) this.log(l);
      this.vs.checkerState(this.rs, this.index, true);
    }
    this.reschedule();
  }

  /** A failed attempt: logged and retried while the server is up, silent while it is down. */
  private fail(line: string, retry: number, delayBeforeRetry: number): void {
    this.emit(false, line);
    if (!this.up) {
      this.reschedule();
      return;
    }
    this.log(line);
    if (this.retries < retry) {
      this.retries++;
      this.schedule(delayBeforeRetry * SEC);
      return;
    }
    this.retries = 0;
    this.log(`Check on service ${this.target} failed after ${retry} retry.`);
    this.vs.checkerState(this.rs, this.index, false);
    this.reschedule();
  }

  private reschedule(): void {
    if (!this.stopped) this.schedule(this.delayLoopUs);
  }
}
