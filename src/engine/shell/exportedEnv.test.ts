import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { cloneState, createState, exportedEnv, setVar, unsetVar, type ShellState } from './state';

/** The environment built afresh, as exportedEnv built it before it kept a memo. */
function fresh(s: ShellState): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of s.vars) if (v.exported) out.push([k, v.value]);
  return out;
}

const state = () => createState({ cwd: '/root', pid: 100, hostname: 'client', arg0: 'bash' });

describe('exportedEnv', () => {
  test('after any changes to the variables it equals a fresh build, names in order', () => {
    const name = fc.constantFrom('A', 'B', 'PATH', 'HOME', 'X1');
    const op = fc.oneof(
      fc.tuple(fc.constant('set' as const), name, fc.constantFrom('', '1')),
      fc.tuple(fc.constant('export' as const), name, fc.boolean()),
      fc.tuple(fc.constant('unset' as const), name, fc.constant('')),
      fc.tuple(fc.constant('clone' as const), name, fc.constant('')),
      fc.tuple(fc.constant('same' as const), name, fc.constant('')),
    );
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
          let s = state();
          for (const [kind, n, arg] of ops) {
            if (kind === 'set') setVar(s, n, arg);
            else if (kind === 'export') {
              const v = s.vars.get(n);
              if (v) v.exported = arg as boolean;
              else s.vars.set(n, { value: '1', exported: arg as boolean });
            } else if (kind === 'unset') unsetVar(s, n);
            else if (kind === 'clone') s = cloneState(s);
            expect([...exportedEnv(s)]).toEqual(fresh(s));
          }
        }),
        { seed, numRuns: 300 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('the same exports give the same Map; a change gives a new one, the old one untouched', () => {
    const s = state();
    const a = exportedEnv(s);
    expect(exportedEnv(s)).toBe(a);
    setVar(s, 'IFS', ':'); // not exported: the environment is the same
    expect(exportedEnv(s)).toBe(a);
    setVar(s, 'HOME', '/tmp');
    const b = exportedEnv(s);
    expect(b).not.toBe(a);
    expect(a.get('HOME')).toBe('/root');
    expect(b.get('HOME')).toBe('/tmp');
    // Unset and set again: the same value, a new place in the order.
    unsetVar(s, 'PATH');
    setVar(s, 'PATH', '/usr/bin');
    s.vars.get('PATH')!.exported = true;
    expect([...exportedEnv(s).keys()].at(-1)).toBe('PATH');
    // Two exported variables with one value change places: the same values, other names.
    s.vars.set('A', { value: '1', exported: true });
    s.vars.set('B', { value: '1', exported: true });
    exportedEnv(s);
    unsetVar(s, 'A');
    s.vars.set('A', { value: '1', exported: true });
    expect([...exportedEnv(s).keys()].slice(-2)).toEqual(['B', 'A']);
  });
});
