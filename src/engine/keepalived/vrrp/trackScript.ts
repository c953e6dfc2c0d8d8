/**
 * vrrp_script (vrrp_track.c at 1.3.5): the script runs every `interval`; `fall` failures in a
 * row make it failed, `rise` successes make it good again; each change is logged.
 */
import { SEC } from '../../core/sim';
import { cancelTimer } from '../../core/eventQueue';
import type { QueuedEvent } from '../../core/eventQueue';
import type { Host } from '../../stack/host';
import type { VrrpScriptConf } from '../config/types';
import { runScript } from '../scriptRunner';

export class TrackedScript {
  /** undefined until the first result. */
  good: boolean | undefined;
  private streak = 0;
  private timer: QueuedEvent | undefined;
  private stopped = false;

  constructor(
    readonly conf: VrrpScriptConf,
    private readonly host: Host,
    private readonly log: (text: string) => void,
    private readonly changed: () => void,
  ) {}

  start(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    this.timer = this.host.sim.after(delay, `vrrp_script:${this.conf.name}`, () => this.run());
  }

  private run(): void {
    if (this.stopped || this.conf.script === undefined) return;
    runScript(this.host, this.conf.script, this.conf.timeout * SEC, (exit) => {
      if (this.stopped) return;
      this.result(exit === 0);
      this.schedule(this.conf.interval * SEC);
    });
  }

  private result(ok: boolean): void {
    if (ok === this.good) {
      this.streak = 0;
      return;
    }
    this.streak++;
    const need = this.good === undefined ? 1 : ok ? this.conf.rise : this.conf.fall;
    if (this.streak < need) return;
    this.streak = 0;
    this.good = ok;
    this.log(`VRRP_Script(${this.conf.name}) ${ok ? 'succeeded' : 'failed'}`);
    this.changed();
  }

  stop(): void {
    this.stopped = true;
    cancelTimer(this.timer);
  }
}
