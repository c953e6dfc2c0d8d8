import fc from 'fast-check';
import lz from 'lz-string';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from './fuzzSeed';
import { catalogFromEngine } from './labHosts';
import { decompressHead, shareHead } from './shareHead';
import { decodeShare, encodeShare } from './shareString';
import type { ShareState } from './shareString';
import { engine } from '@/store/engine';

const catalog = () => catalogFromEngine(engine());
const mix = ['curl -s 172.16.132.18', 'ipvsadm -Ln --stats', 'sysctl net.ipv4.conf.all.arp_ignore'];
const state = (over: Partial<ShareState> = {}): ShareState => ({
  labId: 'nat',
  seed: 7,
  bare: false,
  servers: 2,
  clients: 1,
  log: Array.from({ length: 100 }, (_, i) => ({ host: 'client', command: `${mix[i % 3]} # ${i}` })),
  ...over,
});

describe('decompressHead: lz-string decoding, stopped early', () => {
  test('run to the end, it gives what lz-string gives, for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 300 })),
        (text) => {
          const body = lz.compressToEncodedURIComponent(text);
          if (text === '') return; // lz-string's own special case: no stream at all
          expect(decompressHead(body, () => false)).toBe(lz.decompressFromEncodedURIComponent(body));
        },
      ),
      { seed: fuzzSeed(), numRuns: 500 },
    );
  });

  test('it stops once told to: a 100-command link decodes a few phrases, not the log', () => {
    const g = state().log.map((e) => [0, e.command]);
    const text = JSON.stringify({ l: 'nat', s: 7, b: 0, n: 2, c: 1, g });
    const body = lz.compressToEncodedURIComponent(text);
    const head = decompressHead(body, (s) => s.includes(',"g":'))!;
    expect(text.startsWith(head)).toBe(true);
    expect(head.length).toBeLessThan(text.length / 10);
  });

  test('a truncated or foreign stream gives undefined, never a throw', () => {
    const body = lz.compressToEncodedURIComponent('{"l":"nat","s":1}');
    expect(decompressHead(body.slice(0, 2), () => false)).toBeUndefined();
    expect(decompressHead('!!', () => false)).toBeUndefined();
  });
});

describe('shareHead: the lab a share string names, from its head', () => {
  test('lab and size agree with the full decode, whatever the lab, size and later fields', () => {
    for (const labId of ['nat', 'dr', 'tun', 'ha'] as const)
      for (const [servers, clients] of [
        [2, 1],
        [5, 3],
      ] as const) {
        const s = state({
          labId,
          servers,
          clients,
          log: [],
          lang: 'zh-CN',
          extra: { future: [1, { a: 2 }] },
        });
        const text = encodeShare(s, catalog());
        const full = decodeShare(text, catalog())!;
        expect(shareHead(text)).toEqual({ labId: full.labId, servers: full.servers, clients: full.clients });
      }
  });

  test('a later version key holding `,"g":` in an object cuts the head short: undefined, not a guess', () => {
    const text = encodeShare(state({ labId: 'dr', extra: { future: { a: 1, g: 2 } } }), catalog());
    expect(decodeShare(text, catalog())?.labId).toBe('dr');
    expect(shareHead(text)).toBeUndefined();
  });

  test('v1 strings, bad sizes and garbage are left to the full decode', () => {
    expect(shareHead('v1.abc')).toBeUndefined();
    expect(shareHead('v2.garbage')).toBeUndefined();
    expect(
      shareHead(`v2.${lz.compressToEncodedURIComponent('{"l":"nat","s":1,"b":0,"n":99}')}`),
    ).toBeUndefined();
    expect(shareHead(`v2.${lz.compressToEncodedURIComponent('{"l":"nat","s":1,"b":0}')}`)).toEqual({
      labId: 'nat',
      servers: 2,
      clients: 1,
    });
    expect(shareHead(42)).toBeUndefined();
  });
});
