import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { V1_DR_TWO, V1_SEED_NAT, V1_TUN_EMPTY } from './fixtures/v1Strings';
import { fuzzSeed } from './fuzzSeed';
import { HOSTILE_URLS } from './hostileCorpus';
import { labHosts } from './labHosts';
import { decodeShare, encodeShare } from './shareString';
import type { ShareState } from './shareString';
import { TEST_CATALOG as cat } from './testCatalog';
import { LANGS, PANELS, parseUrlParams, SCHEMES, SEED_MAX, VIEWS } from './urlParams';

const SEED = fuzzSeed();
console.warn(`embed fuzz seed ${SEED} (rerun with FUZZ_SEED=${SEED})`);
const RUNS = { seed: SEED, numRuns: 1500 };

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  'javascript:alert(1)',
  '%',
  '%00',
  '\u0000',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '0x1f',
  ' 1',
  '1,2,3',
  'nat',
  'zh-CN',
  'packet,terminal',
  'https://a.example',
  'v2.',
  'v1.nat.1.0',
];
const NAMES = [
  ...'view lab bare seed servers clients state at step lang scheme embed panels paused speed origin'.split(
    ' ',
  ),
  '__proto__',
  'x',
];

const value = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }),
  fc.double().map(String),
  fc.integer().map(String),
);
const paramSet = fc.array(fc.tuple(fc.constantFrom(...NAMES), value, fc.boolean()), { maxLength: 12 });

function noPollution() {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
}

describe('fuzz: URL parameters', () => {
  it('hostile parameter sets give only known keys with in-bounds values, never a throw', () => {
    fc.assert(
      fc.property(paramSet, fc.string({ maxLength: 30 }), (pairs, hash) => {
        const search =
          '?' + pairs.map(([k, v, encode]) => `${k}=${encode ? encodeURIComponent(v) : v}`).join('&');
        const p = parseUrlParams(search, hash);
        for (const k of Object.keys(p)) expect(NAMES.slice(0, 16)).toContain(k);
        if (p.view !== undefined) expect(VIEWS).toContain(p.view);
        if (p.lab !== undefined) expect(['nat', 'dr', 'tun']).toContain(p.lab);
        if (p.seed !== undefined)
          expect(Number.isInteger(p.seed) && p.seed >= 0 && p.seed <= SEED_MAX).toBe(true);
        if (p.lang !== undefined) expect(LANGS).toContain(p.lang);
        if (p.scheme !== undefined) expect(SCHEMES).toContain(p.scheme);
        for (const x of p.panels ?? []) expect(PANELS).toContain(x);
        if (p.speed !== undefined) expect(Number.isFinite(p.speed)).toBe(true);
        if (p.origin !== undefined) expect(p.origin).toMatch(/^https?:\/\/[^/<>"]+$/);
        if (p.state !== undefined) expect(p.state).toMatch(/^[A-Za-z0-9+\-_.$=]+$/);
        noPollution();
      }),
      RUNS,
    );
  });
});

const host = fc.constantFrom('client', 'director', 'rs1', 'rs2', 'router');
const validState = fc
  .record({
    labId: fc.constantFrom('nat' as const, 'dr' as const, 'tun' as const),
    seed: fc.integer({ min: 0, max: SEED_MAX }),
    bare: fc.boolean(),
    log: fc.array(fc.record({ host, command: fc.string({ maxLength: 30 }) }), { maxLength: 8 }),
  })
  .map((r): ShareState => {
    const hosts = labHosts(cat, r.labId, 2, 1)!;
    return {
      ...r,
      servers: 2,
      clients: 1,
      log: r.log.map((e) => ({ ...e, host: hosts.includes(e.host) ? e.host : hosts[0]! })),
    };
  });

/** Mutations of the text: cut, splice, flip characters, or a JSON-level change re-compressed. */
const hostileJson = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.constantFrom(1e300, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, null, true, [], {}, [[99, 'x']], {
    __proto__: 1,
  }),
  fc.string({ maxLength: 10 }),
);
const jsonKey = fc.constantFrom(
  'l',
  's',
  'b',
  'n',
  'c',
  'g',
  'k',
  'la',
  'sc',
  '__proto__',
  'constructor',
  'lesson',
);

function mutateJson(text: string, key: string, v: unknown): string {
  let obj: Record<string, unknown> = {};
  try {
    obj = JSON.parse(decompressFromEncodedURIComponent(text.slice(3)) ?? '{}') as Record<string, unknown>;
  } catch {
    // An earlier mutation broke the text: mutate an empty object instead.
  }
  const out = JSON.stringify({ ...obj, [key]: v }).replace(
    '"constructor"',
    key === '__proto__' ? '"__proto__"' : '"constructor"',
  );
  return `v2.${compressToEncodedURIComponent(out)}`;
}

const mutation = fc.oneof(
  fc.nat().map((i) => (s: string) => s.slice(0, i % (s.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE)).map(
    ([i, x]) =>
      (s: string) =>
        s.slice(0, i % (s.length + 1)) + x + s.slice(i % (s.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([i, c]) => (s: string) => {
    const j = i % Math.max(1, s.length);
    return s.slice(0, j) + c + s.slice(j + 1);
  }),
  fc.tuple(jsonKey, hostileJson).map(
    ([k, v]) =>
      (s: string) =>
        s.startsWith('v2.') ? mutateJson(s, k, v) : s,
  ),
);

function checkDecoded(s: ShareState | undefined) {
  noPollution();
  if (!s) return;
  const hosts = labHosts(cat, s.labId, s.servers, s.clients);
  expect(hosts).toBeDefined();
  expect(Number.isInteger(s.seed) && s.seed >= 0 && s.seed <= SEED_MAX).toBe(true);
  for (const e of s.log) {
    expect(hosts).toContain(e.host);
    expect(typeof e.command).toBe('string');
    if (e.maxTimeUs !== undefined) expect(Number.isSafeInteger(e.maxTimeUs) && e.maxTimeUs >= 0).toBe(true);
  }
  if (s.cursor) expect(Number.isSafeInteger(s.cursor.t) && Number.isSafeInteger(s.cursor.ordinal)).toBe(true);
  if (s.extra) expect(Object.keys(s.extra)).not.toContain('__proto__');
  // Whatever decodes, re-encodes to the same state.
  expect(decodeShare(encodeShare(s, cat), cat)).toEqual(s);
}

describe('fuzz: share strings', () => {
  it('valid states round-trip', () => {
    fc.assert(
      fc.property(validState, (s) => {
        expect(decodeShare(encodeShare(s, cat), cat)).toEqual(s);
      }),
      { ...RUNS, numRuns: 500 },
    );
  });

  it('mutated v1 and v2 strings decode to a valid state or to undefined, never throw', () => {
    let accepted = 0;
    const seeds = fc.oneof(
      fc.constantFrom(V1_SEED_NAT, V1_DR_TWO, V1_TUN_EMPTY),
      validState.map((s) => encodeShare(s, cat)),
    );
    fc.assert(
      fc.property(seeds, fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, ms) => {
        const mutated = ms.reduce((s, m) => m(s), text);
        const decoded = decodeShare(mutated, cat);
        if (decoded) accepted++;
        checkDecoded(decoded);
      }),
      RUNS,
    );
    // Not vacuous: some mutations (a later version's field, a valid value) still decode.
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 100);
  });

  it('the hostile corpus parses without a throw and yields no script-bearing field but commands', () => {
    expect(HOSTILE_URLS.length).toBeLessThanOrEqual(25);
    for (const url of HOSTILE_URLS) {
      const [search = '', hash = ''] = url.split('#');
      const p = parseUrlParams(search, hash ? `#${hash}` : '');
      const { state, ...rest } = p;
      expect(JSON.stringify(rest)).not.toMatch(/[<>]/);
      const s = state === undefined ? undefined : decodeShare(state, cat);
      checkDecoded(s);
      if (s) expect(JSON.stringify({ ...s, log: [] })).not.toMatch(/[<>]/);
    }
  });
});
