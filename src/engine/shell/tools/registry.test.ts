import { describe, expect, it } from 'vitest';
import { LabRuntime } from '../../runtime/labRuntime';
import { simple } from '../types';
import type { CommandContext } from '../types';

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

  it("gives every host's runs of a program one hidden class (no generator function made per host)", () => {
    // A generator function made per host has its own prototype: a new runtime's runs were then
    // objects the JIT's code that drives programs (runProgram) had not seen, and it deoptimised.
    const a = LabRuntime.create('nat');
    const b = LabRuntime.create('nat');
    const ctx = {} as CommandContext; // a generator's body does not run until it is first resumed
    for (const name of ['curl', 'ab', 'ping', 'nc', 'tcpdump', 'genhash', 'ip', 'ipvsadm']) {
      const run = (rt: LabRuntime, host: string) => rt.commandTable(host).get(name)!(ctx);
      const proto = Object.getPrototypeOf(run(a, 'director'));
      expect(Object.getPrototypeOf(run(a, 'client')), name).toBe(proto);
      expect(Object.getPrototypeOf(run(b, 'director')), name).toBe(proto);
    }
  });
});
