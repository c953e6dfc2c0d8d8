/**
 * Fuzz: thousands of mutated saves (huge and non-finite numbers, deep nesting, 100k-entry logs,
 * `__proto__` keys, wrong types) through the validator. It never throws, what it keeps is always
 * valid, and a lab the mutation did not touch is never lost. Seeded from FUZZ_SEED, else the commit.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { beforeAll, describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { createAppStore } from './createAppStore';
import { engine, loadEngine } from './engine';
import { LAB_IDS } from './labSpec';
import { merge } from './persistence';
import { logSchema, MAX_LOG_ENTRIES, prefSchemas, validatePersisted, validLab } from './persistedSchema';

const SEED = fuzzSeed();
const RUNS = { seed: SEED, numRuns: 1000 };

beforeAll(async () => {
  await loadEngine();
});

type Row = unknown;
const labString = (id: string, rows: Row[], seed: unknown = 1, bare: unknown = 0) =>
  `v1.${id}.${String(seed)}.${String(bare)}` +
  (rows.length ? `.${Buffer.from(JSON.stringify(rows)).toString('base64url')}` : '');

const GOOD_ROWS: Row[] = [
  [0, 'curl -s 172.16.132.18'],
  [1, 'ipvsadm -Ln'],
  [0, 'while true; do :; done', 2_000_000],
];

function baseSave(): Record<string, unknown> {
  const sessions: Record<string, unknown> = {};
  for (const id of ['dr', 'tun', 'ha']) sessions[id] = { lab: labString(id, GOOD_ROWS), cursor: 5 };
  return {
    lab: labString('nat', GOOD_ROWS, 7),
    cursor: -1,
    servers: 3,
    sessions,
    language: 'zh-CN',
    scheme: 'dark',
    speed: 2,
    startPaused: true,
    inspectorTab: 'hooks',
    terminalHost: 'client',
    selectedFrame: null,
    filterHost: '',
    filterCategories: ['arp', 'tcp'],
  };
}

function deep(depth: number): unknown {
  let x: unknown = 1;
  for (let i = 0; i < depth; i++) x = [x];
  return x;
}
const HUGE_LOG = labString(
  'nat',
  Array.from({ length: 100_000 }, (_, i) => [i % 2, `echo ${i}`]),
);
const AT_CAP_LOG = labString(
  'dr',
  Array.from({ length: MAX_LOG_ENTRIES }, () => [0, 'true']),
);

/**
 * Values too big to print in a counterexample, and every object value, are named; `resolve`
 * swaps the name for a value made afresh. A shared object would carry one mutation's property
 * into the next (`sessions.dr = {}` then `sessions.dr.cursor = {}` is a cycle) and across runs.
 */
const BIG = new Map<string, () => unknown>([
  ['§deep', () => deep(20_000)],
  ['§proto', () => JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}')],
  ['§hugeLog', () => HUGE_LOG],
  ['§atCapLog', () => AT_CAP_LOG],
  ['§longString', () => 'x'.repeat(300_000)],
  ['§longBody', () => 'v1.nat.1.0.' + 'A'.repeat(5_000_000)],
  [
    '§deepLab',
    () =>
      `v1.nat.1.0.${Buffer.from(`[[0,"x",${'['.repeat(10_000)}${']'.repeat(10_000)}]]`).toString('base64url')}`,
  ],
  ['§longArray', () => Array.from({ length: 100_000 }, () => 1)],
  ['§emptyArray', () => []],
  ['§emptyObject', () => ({})],
]);
const resolve = (x: unknown): unknown => {
  const make = typeof x === 'string' ? BIG.get(x) : undefined;
  return make ? make() : x;
};
/** Inside a row (which the test itself encodes): nesting JSON.stringify can still write. */
const SHALLOW = deep(500);
const resolveRow = (x: unknown): unknown => (x === '§deep' ? SHALLOW : resolve(x));

const hostile = fc.oneof(
  { arbitrary: fc.constantFrom<unknown>(...BIG.keys()), weight: 1 },
  {
    arbitrary: fc.constantFrom<unknown>(
      1e308,
      -1e308,
      Infinity,
      -Infinity,
      NaN,
      2 ** 53 + 2,
      -0,
      0.5,
      -1,
      -2,
      2 ** 31,
      '',
      null,
      true,
      '§emptyArray',
      '§emptyObject',
      'v1.nat.1.0.!!!',
      'v1.nat.1e400.0',
      'v2.nat.1.0',
      'v1.constructor.1.0',
    ),
    weight: 8,
  },
  { arbitrary: fc.anything({ maxDepth: 3 }), weight: 5 },
  { arbitrary: fc.double(), weight: 3 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
);

const hostileRow = fc.oneof(
  fc.tuple(
    fc.constantFrom<unknown>(0, 1, 99, -1, 'client', 'nope', null),
    fc.oneof(fc.string(), hostile.map(resolveRow)),
  ),
  fc.tuple(fc.constant(0), fc.constant('sleep 1'), hostile.map(resolveRow)),
  hostile.map(resolveRow),
);
/** A lab string whose rows are mostly good with some hostile ones spliced in. */
const hostileLab = fc
  .tuple(
    fc.constantFrom(...LAB_IDS),
    fc.array(hostileRow, { maxLength: 4 }),
    fc.constantFrom<unknown>(1, -1, 2 ** 32, 1e21, 'x'),
  )
  .map(([id, bad, seed]) => labString(id, [...GOOD_ROWS, ...bad], seed));

const SLOTS = ['current', 'nat', 'dr', 'tun', 'ha'] as const;
const LAB_FIELDS = ['lab', 'cursor', 'servers', 'clients', '__proto__', 'constructor'];
const TOP_FIELDS = [...Object.keys(baseSave()), '__proto__', 'constructor', 'prototype'];

/** One mutation: which slot it hits (or `prefs`), and the change. */
const mutation = fc.oneof(
  fc.record({ slot: fc.constantFrom(...SLOTS), field: fc.constantFrom(...LAB_FIELDS), value: hostile }),
  fc.record({ slot: fc.constantFrom(...SLOTS), field: fc.constant('lab'), value: hostileLab }),
  fc.record({ slot: fc.constantFrom(...SLOTS.slice(1)), field: fc.constant('*'), value: hostile }),
  fc.record({ slot: fc.constant('prefs'), field: fc.constantFrom(...TOP_FIELDS), value: hostile }),
);

function apply(save: Record<string, unknown>, m: { slot: string; field: string; value: unknown }) {
  const define = (o: unknown, k: string, val: unknown) => {
    if (typeof o === 'object' && o !== null)
      Object.defineProperty(o, k, { value: val, enumerable: true, writable: true, configurable: true });
  };
  const sessions = save['sessions'] as Record<string, unknown> | undefined;
  if (m.slot === 'prefs' || m.slot === 'current') define(save, m.field, resolve(m.value));
  else if (m.field === '*') define(sessions, m.slot, resolve(m.value));
  else define(sessions?.[m.slot], m.field, resolve(m.value));
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
function noForbiddenKeys(x: unknown, depth = 0): boolean {
  if (typeof x !== 'object' || x === null || depth > 6) return true;
  return Object.keys(x).every(
    (k) => !FORBIDDEN.has(k) && noForbiddenKeys((x as Record<string, unknown>)[k], depth + 1),
  );
}

/** The saved lab in a slot; a save whose `lab` is missing holds no current lab (no work to keep). */
function labOf(save: Record<string, unknown>, slot: string): unknown {
  if (slot === 'current') return save['lab'] !== undefined ? save : undefined;
  // Saves are JSON: an array (even one a mutation hung a name on) holds no labs by name.
  const sessions = save['sessions'];
  if (!sessions || typeof sessions !== 'object' || Array.isArray(sessions)) return undefined;
  return (sessions as Record<string, unknown>)[slot];
}

describe(`persisted state validator (fuzz seed ${SEED}; rerun with FUZZ_SEED=${SEED})`, () => {
  test('an untouched save loads whole', () => {
    const out = validatePersisted(baseSave());
    expect(out.corrupt).toEqual([]);
    expect(out.current?.labId).toBe('nat');
    expect(out.current?.servers).toBe(3);
    expect(Object.keys(out.sessions).sort()).toEqual(['dr', 'ha', 'tun']);
    expect(out.speed).toBe(2);
  });

  test('≥ 1,000 mutated saves: never a throw, always valid, untouched labs kept', () => {
    const state = createAppStore({ persistKey: null }).getState();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const save = baseSave();
        for (const m of ms) apply(save, m);
        const out = validatePersisted(save);
        // What is kept is valid, field by field, and checking it again changes nothing.
        const labs = [...(out.current ? [out.current] : []), ...Object.values(out.sessions)];
        for (const lab of labs) expect(validLab(lab)).toMatchObject(lab);
        for (const [k, schema] of Object.entries(prefSchemas)) {
          const val = (out as unknown as Record<string, unknown>)[k];
          if (val !== undefined) expect(v.is(schema, val)).toBe(true);
        }
        expect(noForbiddenKeys(out.sessions) && noForbiddenKeys(out.current)).toBe(true);
        // A lab the mutations did not touch is exactly as it was; a touched one is kept or set aside.
        const touched = new Set<string>();
        for (const m of ms) {
          if (m.slot !== 'prefs') touched.add(m.slot);
          else if (['lab', 'cursor', 'servers', 'clients'].includes(m.field)) touched.add('current');
          else if (m.field === 'sessions') SLOTS.slice(1).forEach((x) => touched.add(x));
        }
        for (const slot of SLOTS) {
          const kept = slot === 'current' ? out.current : out.sessions[slot];
          const aside = out.corrupt.some((c) =>
            slot === 'current' ? c.slot === 'current' : c.labId === slot && c.slot === 'session',
          );
          if (!touched.has(slot))
            expect(kept?.lab).toBe((labOf(baseSave(), slot) as { lab?: string } | undefined)?.lab);
          else if (labOf(save, slot) !== undefined) expect(kept !== undefined || aside).toBe(true);
        }
        // And the store's merge takes it without throwing, its logs within bounds.
        const merged = merge(save, state);
        expect(v.is(logSchema, merged.spec.log)).toBe(true);
        for (const s of Object.values(merged.sessions)) expect(v.is(logSchema, s?.log)).toBe(true);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      RUNS,
    );
  });

  test('a log over the cap, a non-finite or negative maxTimeUs and an unknown host set the lab aside', () => {
    const hosts = engine()
      .getLab('nat')!
      .hosts.map((h) => h.name);
    const cases: Row[][] = [
      [[0, 'sleep 1', 1e300]],
      [[0, 'sleep 1', -5]],
      [[0, 'sleep 1', 1.5]],
      [[hosts.length + 3, 'true']],
      [[0, 'x'.repeat(70_000)]],
    ];
    for (const rows of cases) {
      const out = validatePersisted({
        lab: labString('nat', rows),
        sessions: { dr: { lab: labString('dr', GOOD_ROWS) } },
      });
      expect(out.current).toBeUndefined();
      expect(out.corrupt).toEqual([expect.objectContaining({ labId: 'nat', slot: 'current' })]);
      expect(out.sessions.dr?.lab).toBe(labString('dr', GOOD_ROWS));
    }
    expect(validatePersisted({ lab: HUGE_LOG }).corrupt).toHaveLength(1);
    expect(validatePersisted({ lab: AT_CAP_LOG }).current?.labId).toBe('dr');
  });
});
