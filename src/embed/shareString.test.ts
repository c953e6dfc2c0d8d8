import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, V2_MAX_CHARS } from './shareString';
import { LZ_BOMB } from './fixtures/bomb';
import type { ShareState } from './shareString';
import { V1_DR_TWO, V1_SEED_NAT, V1_TUN_EMPTY } from './fixtures/v1Strings';
import { TEST_CATALOG as cat } from './testCatalog';

function seedNatLog() {
  return readFileSync('src/cli/fixtures/seed-nat.txt', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('[root@'))
    .map((l) => /^\[root@(\S+) ~\]# (.*)$/.exec(l)!)
    .map((m) => ({ host: m[1]!, command: m[2]! }));
}

const base: ShareState = { labId: 'nat', seed: 1, bare: false, servers: 2, clients: 1, log: [] };

describe('v1 share strings (frozen fixtures from serializeLab)', () => {
  it('the seed NAT experiment still loads, command by command', () => {
    const s = decodeShare(V1_SEED_NAT, cat)!;
    expect(s).toMatchObject({ labId: 'nat', seed: 1, bare: true, servers: 2, clients: 1 });
    const expected = seedNatLog();
    expect(s.log.map(({ host, command }) => ({ host, command }))).toEqual(expected);
    expect(s.log.filter((e) => e.maxTimeUs !== undefined)).toEqual([
      { host: 'client', command: expected[11]!.command, maxTimeUs: 5_000_000 },
    ]);
  });

  it('DR and an empty TUN lab load', () => {
    expect(decodeShare(V1_DR_TWO, cat)).toEqual({
      labId: 'dr',
      seed: 42,
      bare: false,
      servers: 2,
      clients: 1,
      log: [
        { host: 'client', command: 'curl 192.168.99.188' },
        { host: 'director', command: 'ipvsadm -Ln' },
      ],
    });
    expect(decodeShare(V1_TUN_EMPTY, cat)).toEqual({
      labId: 'tun',
      seed: 7,
      bare: false,
      servers: 2,
      clients: 1,
      log: [],
    });
  });

  it('malformed v1 is refused', () => {
    for (const bad of [
      'v1.xx.1.0',
      'v1.nat.-1.0',
      'v1.nat.1.2',
      'v1.nat.1.0.!!',
      'v1.nat.1.0.e30',
      'v1.nat.1.0.a.b',
      V1_SEED_NAT.slice(0, -7),
    ])
      expect(decodeShare(bad, cat), bad).toBeUndefined();
  });
});

describe('v2 share strings', () => {
  it('round-trip lab, size, log, cursor, language and scheme', () => {
    const s: ShareState = {
      labId: 'tun',
      seed: 4294967295,
      bare: true,
      servers: 4,
      clients: 3,
      log: [
        { host: 'rs4', command: 'ip addr' },
        { host: 'client3', command: 'curl -s 192.168.99.188 # 你好 <b>', maxTimeUs: 250 },
        { host: 'director', command: '' },
      ],
      cursor: { t: 123456, kind: 'frame.tx', ordinal: 2 },
      lang: 'zh-CN',
      scheme: 'projector',
    };
    const text = encodeShare(s, cat);
    expect(text).toMatch(/^v2\.[A-Za-z0-9+\-$]+$/);
    expect(decodeShare(text, cat)).toEqual(s);
  });

  it('keeps fields a later version added, and drops prototype keys', () => {
    const s: ShareState = { ...base, extra: { lesson: { id: 'nat-1', done: [1, 2] } } };
    const back = decodeShare(encodeShare(s, cat), cat)!;
    expect(back.extra).toEqual({ lesson: { id: 'nat-1', done: [1, 2] } });
    expect(decodeShare(encodeShare(back, cat), cat)).toEqual(back);
  });

  it('a host outside the lab size is refused on decode, a wrong one on encode', () => {
    const big = encodeShare({ ...base, servers: 3, log: [{ host: 'rs3', command: 'x' }] }, cat);
    expect(decodeShare(big, cat)?.log).toEqual([{ host: 'rs3', command: 'x' }]);
    expect(() => encodeShare({ ...base, log: [{ host: 'rs3', command: 'x' }] }, cat)).toThrow(RangeError);
  });

  it('the seed NAT experiment fits a short link', () => {
    const text = encodeShare({ ...base, bare: true, log: seedNatLog() }, cat);
    expect(text.length).toBeLessThan(V1_SEED_NAT.length * 0.8);
  });

  it('a decompression bomb is refused quickly', () => {
    const bomb = `v2.${LZ_BOMB}`;
    expect(bomb.length).toBeLessThan(V2_MAX_CHARS);
    const t0 = performance.now();
    expect(decodeShare(bomb, cat)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('anything but v1/v2 is undefined, never a throw', () => {
    for (const bad of [undefined, null, 3, {}, '', 'v3.abc', 'v2.', 'v2.%%%', 'v2.' + 'A'.repeat(40000)])
      expect(decodeShare(bad, cat)).toBeUndefined();
  });
});
