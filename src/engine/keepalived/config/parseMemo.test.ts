/** The shared parse is the parse: same result, reused only while the host answers alike, frozen. */
import { describe, expect, test } from 'vitest';
import { STOCK_KEEPALIVED_CONF } from '../stockConf';
import { parseKeepalivedConf } from './parse';
import { parseKeepalivedConfShared } from './parseMemo';

const PROCS = ['parent', 'vrrp', 'check'] as const;
const withIf =
  (...names: string[]) =>
  (n: string): boolean =>
    names.includes(n);

describe('parseKeepalivedConfShared', () => {
  test('gives what parseKeepalivedConf gives, for each process, and shares it on a repeat', () => {
    for (const proc of PROCS) {
      const fresh = parseKeepalivedConf(STOCK_KEEPALIVED_CONF, proc, withIf('eth0'));
      const shared = parseKeepalivedConfShared(STOCK_KEEPALIVED_CONF, proc, withIf('eth0'));
      expect(shared).toEqual(fresh);
      expect(parseKeepalivedConfShared(STOCK_KEEPALIVED_CONF, proc, withIf('eth0'))).toBe(shared);
    }
  });

  test('parses again when the host answers an interface question differently', () => {
    const text = STOCK_KEEPALIVED_CONF;
    const up = parseKeepalivedConfShared(text, 'vrrp', withIf('eth0'));
    const down = parseKeepalivedConfShared(text, 'vrrp', withIf());
    expect(down).not.toBe(up);
    expect(down).toEqual(parseKeepalivedConf(text, 'vrrp', withIf()));
    expect(down.messages.some((m) => m.startsWith('Cant find interface eth0'))).toBe(true);
    expect(up.messages.some((m) => m.startsWith('Cant find interface'))).toBe(false);
    // Both are kept: back to the first host's answers, the first result again.
    expect(parseKeepalivedConfShared(text, 'vrrp', withIf('eth0', 'eth1'))).toBe(up);
  });

  test('different texts and processes never share a result', () => {
    const other = STOCK_KEEPALIVED_CONF.replace('LVS_DEVEL', 'LVS_B');
    const a = parseKeepalivedConfShared(STOCK_KEEPALIVED_CONF, 'vrrp', withIf('eth0'));
    const b = parseKeepalivedConfShared(other, 'vrrp', withIf('eth0'));
    expect(b.config.global.routerId).toBe('LVS_B');
    expect(a.config.global.routerId).toBe('LVS_DEVEL');
    expect(parseKeepalivedConfShared(STOCK_KEEPALIVED_CONF, 'check', withIf('eth0'))).not.toBe(a);
  });

  test('a shared result is frozen all the way down: no caller can change it for the next', () => {
    const r = parseKeepalivedConfShared(STOCK_KEEPALIVED_CONF, 'check', withIf('eth0'));
    expect(Object.isFrozen(r.messages)).toBe(true);
    expect(Object.isFrozen(r.config.virtualServers)).toBe(true);
    const vs = r.config.virtualServers[0]!;
    expect(Object.isFrozen(vs)).toBe(true);
    expect(() => {
      (vs as { delayLoop: number }).delayLoop = 1;
    }).toThrow(TypeError);
  });
});
