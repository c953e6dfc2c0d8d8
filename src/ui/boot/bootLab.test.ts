import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { engine } from '@/store/engine';
import { catalogFromEngine } from '@/embed/labHosts';
import { encodeShare } from '@/embed/shareString';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { parseRoute } from '../router/route';
import { bootLabOf } from './bootLab';

const at = (search: string, hash = '') => bootLabOf(parseRoute(search, hash));

function share(labId: 'nat' | 'dr' | 'tun' | 'ha', servers: number, clients: number): string {
  const catalog = catalogFromEngine(engine());
  return encodeShare({ labId, seed: 1, bare: false, servers, clients, log: [] }, catalog);
}

describe('bootLabOf: the lab an address names, before the engine has loaded', () => {
  test('?lab= and its size give the same definition the engine builds', () => {
    expect(at('?lab=dr')).toEqual(engine().getLab('dr'));
    const big = at('?lab=tun&servers=5&clients=3')!;
    expect(big).toEqual(engine().getLab('tun', { servers: 5, clients: 3 }));
    expect(big.hosts.map((h) => h.name)).toContain('rs5');
    expect(big.hosts.map((h) => h.name)).toContain('client3');
  });

  test('a share string names its own lab and size, over ?lab=', () => {
    const def = at('?lab=nat', `#state=${share('ha', 4, 2)}`)!;
    expect(def.id).toBe('ha');
    expect(def.hosts.map((h) => h.name)).toEqual(
      engine()
        .getLab('ha', { servers: 4, clients: 2 })!
        .hosts.map((h) => h.name),
    );
  });

  test('nothing is guessed when the address does not say: the home page, a lesson, a bad share', () => {
    expect(at('')).toBeUndefined();
    expect(at('?view=compare')).toBeUndefined();
    expect(at('?lesson=nat-basics')).toBeUndefined();
    expect(at('?lab=nat', '#state=v2.garbage')).toBeUndefined();
  });

  test('any address gives a lab the engine would build, or nothing, and never throws', () => {
    const piece = fc.oneof(
      fc.constantFrom('lab=', 'servers=', 'clients=', 'state=', 'lesson=', 'view=', 'embed=', '&', '#', '%'),
      fc.constantFrom('nat', 'dr', 'tun', 'ha', 'compare', '1', '9', '-2', '0x3', 'v2.', 'v1.', '1e9'),
      fc.string({ maxLength: 6 }),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, (search, hash) => {
        const def = bootLabOf(parseRoute(`?${search}`, `#${hash}`));
        if (!def) return;
        const count = (role: string) => def.hosts.filter((h) => h.role === role).length;
        expect(def).toEqual(engine().getLab(def.id, { servers: count('rs'), clients: count('client') }));
      }),
      { seed: fuzzSeed(), numRuns: 3000 },
    );
  });
});
