/**
 * What the VRRP child checks and fills in after parsing (vrrp.c chk_min_cfg and
 * vrrp_complete_instance at 1.3.5): defaults that depend on other keywords, strict mode's
 * changes, and the errors that stop the daemon.
 */
import type { KeepalivedConfig, VrrpInstanceConf } from './types';

export interface CompletedInstance extends VrrpInstanceConf {
  priority: number;
  accept: boolean;
  advertInt: number;
}

export interface CompleteResult {
  instances: CompletedInstance[];
  messages: string[];
  /** KEEPALIVED_EXIT_CONFIG: the VRRP child exits and the whole daemon stops. */
  fatal: boolean;
}

export function completeVrrp(config: KeepalivedConfig, hasInterface: (n: string) => boolean): CompleteResult {
  const messages: string[] = [];
  const instances: CompletedInstance[] = [];
  const strict = config.global.vrrpStrict;
  for (const conf of config.vrrpInstances) {
    const i = { ...conf } as CompletedInstance;
    if (i.interface === undefined || !hasInterface(i.interface)) {
      messages.push(`VRRP_Instance(${i.name}) Unknown interface !`);
      return { instances, messages, fatal: true };
    }
    if (i.vrid === 0) {
      messages.push(`VRRP_Instance(${i.name}) the virtual id must be set!`);
      return { instances, messages, fatal: true };
    }
    if (conf.priority === undefined) i.priority = i.initState === 'MASTER' ? 255 : 100;
    if (strict && i.initState === 'MASTER' && i.priority !== 255) {
      messages.push(`(${i.name}): Cannot start in MASTER state if not address owner`);
      i.initState = 'BACKUP';
    }
    if (i.nopreempt && i.initState === 'MASTER') {
      messages.push(`(${i.name}): Warning - nopreempt will not work with initial state MASTER`);
      i.nopreempt = false;
    }
    if (i.nopreempt && i.priority === 255) {
      messages.push(`(${i.name}): nopreempt is incompatible with priority 255 - resetting nopreempt`);
      i.nopreempt = false;
    }
    if (strict && i.preemptDelay > 0) {
      messages.push(`(${i.name}): preempt_delay is incompatible with strict mode - resetting`);
      i.preemptDelay = 0;
    }
    if (i.priority === 255) i.initState = 'MASTER';
    if (!Number.isInteger(i.advertInt)) {
      const r = Math.max(1, Math.round(i.advertInt));
      messages.push(
        `(${i.name}): Advertisement interval ${i.advertInt.toFixed(2)}s is not an integer for VRRPv2 - rounding to ${r}s`,
      );
      i.advertInt = r;
    }
    i.accept = conf.accept ?? !strict;
    i.trackScript = conf.trackScript.filter((t) => {
      const found = config.vrrpScripts.some((s) => s.name === t.name);
      if (!found) messages.push(`(${i.name}): track script ${t.name} not found, ignoring...`);
      return found;
    });
    instances.push(i);
  }
  return { instances, messages, fatal: false };
}
