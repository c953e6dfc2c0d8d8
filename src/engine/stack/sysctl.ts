/**
 * A host's sysctl tree (net.ipv4.*), with Linux's rules for conf/all, conf/default and
 * conf/<dev> (docs/linux-behaviour.md A1, A8): `all` is merged at use time (max, OR or AND per knob),
 * `default` seeds new devices and is copied into devices whose knob was never written,
 * and ip_forward is the same variable as conf/all/forwarding and rewrites every device.
 */

export type MergeRule = 'max' | 'or' | 'and' | 'dev';

/** Per-device IPv4 knobs: compiled default (CentOS 7 host) and merge rule. */
export const CONF_KNOBS: Readonly<Record<string, { def: number; merge: MergeRule; max?: number }>> = {
  arp_ignore: { def: 0, merge: 'max', max: 8 },
  arp_announce: { def: 0, merge: 'max', max: 2 },
  arp_notify: { def: 0, merge: 'max', max: 1 },
  rp_filter: { def: 0, merge: 'max', max: 2 },
  arp_filter: { def: 0, merge: 'or', max: 1 },
  arp_accept: { def: 0, merge: 'max', max: 2 }, // newer kernels: max, so 2 keeps its meaning
  accept_local: { def: 0, merge: 'or', max: 1 },
  proxy_arp: { def: 0, merge: 'or', max: 1 },
  log_martians: { def: 0, merge: 'or', max: 1 },
  route_localnet: { def: 0, merge: 'or', max: 1 },
  send_redirects: { def: 1, merge: 'or', max: 1 },
  drop_gratuitous_arp: { def: 0, merge: 'or', max: 1 },
  accept_redirects: { def: 1, merge: 'or', max: 1 },
  accept_source_route: { def: 0, merge: 'and', max: 1 },
  forwarding: { def: 0, merge: 'dev', max: 1 },
};

/** Per-device neighbour (ARP) parameters (docs/linux-behaviour.md A9), in their /proc units. */
export const NEIGH_KNOBS: Readonly<Record<string, number>> = {
  base_reachable_time_ms: 30000,
  delay_first_probe_time: 5,
  retrans_time_ms: 1000,
  ucast_solicit: 3,
  mcast_solicit: 3,
  app_solicit: 0,
  mcast_resolicit: 0,
  locktime: 100,
  gc_stale_time: 60,
  unres_qlen: 101,
};

export type SysctlError = 'unknown' | 'invalid';

/**
 * A device's conf and neigh key names, in CONF_KNOBS and NEIGH_KNOBS order: made once per device
 * name (every host has lo and eth0), not per host. A memo of strings, not host state.
 */
const keysByDev = new Map<string, { conf: string[]; neigh: string[] }>();
const NEIGH_VALUES = Object.values(NEIGH_KNOBS);
const CONF_DEFAULTS = Object.values(CONF_KNOBS).map((k) => k.def);

function devKeys(dev: string): { conf: string[]; neigh: string[] } {
  let k = keysByDev.get(dev);
  if (k === undefined) {
    if (keysByDev.size >= 1024) keysByDev.clear();
    k = {
      conf: Object.keys(CONF_KNOBS).map((knob) => `net.ipv4.conf.${dev}.${knob}`),
      neigh: Object.keys(NEIGH_KNOBS).map((knob) => `net.ipv4.neigh.${dev}.${knob}`),
    };
    keysByDev.set(dev, k);
  }
  return k;
}

export class Sysctl {
  private values = new Map<string, number>();
  /** Keys written explicitly (devinet_copy_dflt_conf skips them). */
  private written = new Set<string>();
  private devices: string[] = [];
  /** Extra keys other subsystems define (net.ipv4.vs.*), with range checks. */
  private extra = new Map<string, { min: number; max: number }>();
  /**
   * Bumped by every change to a value or to the set of keys: a hot reader may keep a value it read
   * while this is unchanged (IPVS's lblc/lblcr expirations, read once per decision).
   */
  private changes = 0;

  get version(): number {
    return this.changes;
  }

  constructor(overrides: Readonly<Record<string, number>> = {}) {
    this.values.set('net.ipv4.ip_forward', 0);
    for (const scope of ['all', 'default']) {
      const keys = devKeys(scope).conf;
      for (let i = 0; i < keys.length; i++) this.values.set(keys[i]!, CONF_DEFAULTS[i]!);
    }
    for (const [k, v] of Object.entries(overrides)) this.values.set(k, v);
  }

  /** A new device copies conf/default (and gets its own neighbour parameters). */
  addDevice(dev: string): void {
    if (this.devices.includes(dev)) return;
    this.dropMerged();
    this.changes++;
    this.devices.push(dev);
    const names = devKeys(dev);
    const defaults = devKeys('default').conf;
    for (let i = 0; i < names.conf.length; i++)
      this.values.set(names.conf[i]!, this.values.get(defaults[i]!) ?? 0);
    for (let i = 0; i < names.neigh.length; i++) this.values.set(names.neigh[i]!, NEIGH_VALUES[i]!);
  }

  /** Forget the merged values (only when there are some: clearing a Map allocates a new table). */
  private dropMerged(): void {
    if (this.merged.size > 0) this.merged.clear();
  }

  removeDevice(dev: string): void {
    this.devices = this.devices.filter((d) => d !== dev);
    this.changes++;
    for (const k of [...this.values.keys()]) {
      if (k.startsWith(`net.ipv4.conf.${dev}.`) || k.startsWith(`net.ipv4.neigh.${dev}.`)) {
        this.values.delete(k);
        this.written.delete(k);
      }
    }
    this.dropMerged();
  }

  define(key: string, value: number, min: number, max: number): void {
    this.changes++;
    this.values.set(key, value);
    this.extra.set(key, { min, max });
  }

  has(key: string): boolean {
    return this.values.has(normalizeKey(key));
  }

  get(key: string): number | undefined {
    // Keys are stored normalised (no '/'): a key found as given needs no normalising (hot callers).
    return this.values.get(key) ?? this.values.get(normalizeKey(key));
  }

  /** Is some key under `prefix` (a /proc/sys folder)? */
  hasPrefix(prefix: string): boolean {
    for (const k of this.values.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }

  /** Every key, sorted as `sysctl -a` prints them. */
  keys(): string[] {
    return [...this.values.keys()].sort();
  }

  /** Told of every successful write: the key, its old and new value, other keys it changed. */
  onWrite:
    ((key: string, old: number, value: number, propagated: Record<string, number>) => void) | undefined;

  /** Write a value as `sysctl -w` or `echo N > /proc/sys/...` would. */
  set(rawKey: string, value: number): SysctlError | undefined {
    if (!this.onWrite) return this.write(rawKey, value);
    const key = normalizeKey(rawKey);
    const before = new Map<string, number>();
    this.before = before;
    const err = this.write(rawKey, value);
    this.before = undefined;
    if (err) return err;
    const propagated: Record<string, number> = {};
    // In the tree's order, as `sysctl -a` would list them (the trace shows this object).
    if (before.size > 1)
      for (const [k, v] of this.values)
        if (k !== key && before.has(k) && before.get(k) !== v) propagated[k] = v;
    this.onWrite(
      key,
      before.get(key) ?? this.values.get(key) ?? 0,
      this.values.get(key) ?? value,
      propagated,
    );
    return undefined;
  }

  /** While `set` writes: each key's value before its first change (so a write does not copy the tree). */
  private before: Map<string, number> | undefined = undefined;

  private put(key: string, value: number): void {
    this.changes++;
    if (this.before !== undefined && !this.before.has(key)) this.before.set(key, this.values.get(key)!);
    this.values.set(key, value);
  }

  private write(rawKey: string, value: number): SysctlError | undefined {
    this.dropMerged();
    const key = normalizeKey(rawKey);
    if (!this.values.has(key)) return 'unknown';
    if (!Number.isInteger(value)) return 'invalid';
    const knob = key.split('.').pop() ?? '';
    const range = this.extra.get(key);
    if (range && (value < range.min || value > range.max)) return 'invalid';
    if (key === 'net.ipv4.ip_forward' || key === 'net.ipv4.conf.all.forwarding') {
      this.setForwarding(value !== 0 ? 1 : 0);
      return undefined;
    }
    const m = /^net\.ipv4\.conf\.([^.]+)\.(\w+)$/.exec(key);
    if (m && m[1] === 'default') {
      // devinet_copy_dflt_conf: propagate to devices that never wrote this knob.
      for (const dev of this.devices) {
        const dk = `net.ipv4.conf.${dev}.${knob}`;
        if (!this.written.has(dk)) this.put(dk, value);
      }
    }
    this.put(key, value);
    this.written.add(key);
    return undefined;
  }

  /** devinet_conf_proc for ip_forward: every device, default and all follow; redirects flip. */
  private setForwarding(v: number): void {
    const old = this.values.get('net.ipv4.ip_forward');
    this.put('net.ipv4.ip_forward', v);
    this.put('net.ipv4.conf.all.forwarding', v);
    if (old === v) return;
    this.put('net.ipv4.conf.default.forwarding', v);
    for (const dev of this.devices) this.put(`net.ipv4.conf.${dev}.forwarding`, v);
    this.put('net.ipv4.conf.all.accept_redirects', v ? 0 : 1);
  }

  /** Merged values per device, rebuilt lazily after any write (the hot path reads, rarely writes). */
  private merged = new Map<string, Map<string, number>>();

  /** Effective value of a conf knob for a device, merged with conf/all as the kernel does. */
  conf(dev: string, knob: string): number {
    let m = this.merged.get(dev);
    if (!m) this.merged.set(dev, (m = new Map()));
    let v = m.get(knob);
    if (v === undefined) {
      v = this.computeConf(dev, knob);
      m.set(knob, v);
    }
    return v;
  }

  private computeConf(dev: string, knob: string): number {
    if (knob.startsWith('neigh:')) {
      const k = knob.slice(6);
      return this.values.get(`net.ipv4.neigh.${dev}.${k}`) ?? NEIGH_KNOBS[k] ?? 0;
    }
    const spec = CONF_KNOBS[knob];
    const d = this.values.get(`net.ipv4.conf.${dev}.${knob}`) ?? spec?.def ?? 0;
    const a = this.values.get(`net.ipv4.conf.all.${knob}`) ?? spec?.def ?? 0;
    switch (spec?.merge ?? 'dev') {
      case 'max':
        return Math.max(a, d);
      case 'or':
        return a || d ? 1 : 0;
      case 'and':
        return a && d ? 1 : 0;
      default:
        return d;
    }
  }

  /** Neighbour parameter of a device, in the /proc unit of its name. */
  neigh(dev: string, knob: string): number {
    let key = neighKeys.get(knob);
    if (key === undefined) neighKeys.set(knob, (key = `neigh:${knob}`));
    return this.conf(dev, key);
  }
}

/** conf() keys of the neighbour knobs, built once (ARP asks per packet); a memo. */
const neighKeys = new Map<string, string>();

/** sysctl accepts `net/ipv4/conf/eth0/rp_filter` and `net.ipv4.conf.eth0.rp_filter`. */
export function normalizeKey(key: string): string {
  const k = key.startsWith('/proc/sys/') ? key.slice('/proc/sys/'.length) : key;
  return k.includes('/') ? k.replace(/\//g, '.') : k;
}
