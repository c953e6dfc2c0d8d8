import { describe, expect, it } from 'vitest';
import { LabRuntime } from '../../runtime/labRuntime';
import { simple } from '../types';

describe('HostCommands (programs bound when first looked up)', () => {
  const table = () => LabRuntime.create('nat').commandTable('director');

  it('finds every program of a lab host, and only those', () => {
    const t = table();
    for (const name of ['ip', 'curl', 'ncat', 'dnf', 'ipvsadm', 'ipvsadm-save', 'iptables-restore']) {
      expect(t.has(name), name).toBe(true);
      expect(typeof t.get(name), name).toBe('function');
    }
    expect(t.has('ipvsadmin')).toBe(false);
    expect(t.get('ipvsadmin')).toBeUndefined();
  });

  it('binds a program once: a second look-up gives the same function', () => {
    const t = table();
    expect(t.get('curl')).toBe(t.get('curl'));
    // nc and ncat are the same program bound twice, as the eager table bound them.
    expect(t.get('nc')).not.toBe(t.get('ncat'));
  });

  it('takes programs added and removed over the built-in ones', () => {
    const t = table();
    const fake = simple(() => 0);
    t.set('curl', fake);
    expect(t.get('curl')).toBe(fake);
    expect(t.delete('curl')).toBe(true);
    expect(t.has('curl')).toBe(false);
    expect(t.get('curl')).toBeUndefined();
    expect(t.delete('curl')).toBe(false);
    t.set('hello', fake);
    expect(t.has('hello')).toBe(true);
  });
});
