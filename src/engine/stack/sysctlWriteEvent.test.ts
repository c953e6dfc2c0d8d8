/**
 * What a sysctl write reports (the trace's sysctl.set event): the old and new value, and every
 * other key the write changed with its new value. Checked against a full before/after diff of
 * every key over fuzzed write sequences.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { CONF_KNOBS, Sysctl } from './sysctl';

const DEVS = ['lo', 'eth0', 'eth1'];
const key = fc.oneof(
  fc.constantFrom('net.ipv4.ip_forward', 'net.ipv4.conf.all.forwarding', 'net.ipv4.nope'),
  fc
    .tuple(fc.constantFrom('all', 'default', ...DEVS), fc.constantFrom(...Object.keys(CONF_KNOBS)))
    .map(([scope, knob]) => `net.ipv4.conf.${scope}.${knob}`),
);

test('a write reports exactly the other keys it changed, their new values, and its own old value', () => {
  const seed = fuzzSeed();
  try {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: -1, max: 3 })), { maxLength: 40 }), (writes) => {
        const s = new Sysctl();
        DEVS.forEach((d) => s.addDevice(d));
        let seen: { key: string; old: number; value: number; propagated: Record<string, number> } | undefined;
        s.onWrite = (k, old, value, propagated) => (seen = { key: k, old, value, propagated });
        for (const [k, v] of writes) {
          const before = new Map(s.keys().map((x) => [x, s.get(x)]));
          seen = undefined;
          const err = s.set(k, v);
          if (err) {
            expect(seen).toBeUndefined();
            continue;
          }
          const changed = s.keys().filter((x) => x !== k && before.get(x) !== s.get(x));
          expect(seen).toBeDefined();
          expect(seen!.key).toBe(k);
          expect(seen!.old).toBe(before.get(k));
          expect(seen!.value).toBe(s.get(k));
          expect(Object.keys(seen!.propagated).sort()).toEqual(changed);
          for (const x of changed) expect(seen!.propagated[x]).toBe(s.get(x));
        }
      }),
      { seed, numRuns: 300 },
    );
  } catch (e) {
    throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
  }
});
