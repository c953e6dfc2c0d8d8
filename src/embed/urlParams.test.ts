import { describe, expect, it } from 'vitest';
import { formatUrlParams, parseUrlParams } from './urlParams';

describe('parseUrlParams', () => {
  it('reads every parameter of the contract', () => {
    const p = parseUrlParams(
      '?view=compare&lab=dr&bare=1&seed=4294967295&servers=8&clients=1&at=1500&step=0&lang=zh-CN&scheme=projector' +
        '&embed=1&panels=terminal,packet,nope,packet&paused=1&speed=0.5&origin=https://course.example.org/page',
    );
    expect(p).toEqual({
      view: 'compare',
      lab: 'dr',
      bare: true,
      seed: 4294967295,
      servers: 8,
      clients: 1,
      at: 1500,
      step: 0,
      lang: 'zh-CN',
      scheme: 'projector',
      embed: true,
      panels: ['terminal', 'packet'],
      paused: true,
      speed: 0.5,
      origin: 'https://course.example.org',
    });
  });

  it('drops out-of-bounds and malformed values, one by one', () => {
    const bad = [
      'view=grid',
      'lab=ha',
      'lab=__proto__',
      'bare=yes',
      'seed=4294967296',
      'seed=-1',
      'seed=1e3',
      'seed=0x10',
      'servers=1',
      'servers=9',
      'clients=0',
      'clients=2.5',
      'at=-5',
      'at=99999999999999999',
      'step=1.5',
      'lang=fr',
      'scheme=neon',
      'embed=2',
      'panels=,,x',
      'speed=0',
      'speed=1000',
      'speed=NaN',
      'speed=Infinity',
      'origin=javascript:alert(1)',
      'origin=null',
      'origin=*',
      'state=<script>',
      'state=',
    ];
    for (const q of bad) expect(parseUrlParams(`?${q}`), q).toEqual({});
  });

  it('accepts a later lab when the engine lists it, and case-insensitive zh-cn', () => {
    expect(parseUrlParams('?lab=ha&lang=zh-cn', '', { labs: ['nat', 'ha'] })).toEqual({
      lab: 'ha',
      lang: 'zh-CN',
    });
  });

  it('takes the share state from the fragment over the query, restoring + from form decoding', () => {
    expect(parseUrlParams('?state=v1.nat.1.0', '#state=v2.ab+c$d').state).toBe('v2.ab+c$d');
    expect(parseUrlParams('', '#v1.dr.3.1').state).toBe('v1.dr.3.1');
    expect(parseUrlParams('?state=v2.a+b').state).toBe('v2.a+b');
  });

  it('never throws on garbage', () => {
    for (const s of ['%', '?%E0%A4%A', '?&&==&', '?lab', '#', '?' + 'x'.repeat(300000)]) {
      expect(() => parseUrlParams(s, s)).not.toThrow();
    }
  });
});

describe('formatUrlParams', () => {
  it('round-trips through parseUrlParams with the state in the fragment', () => {
    const p = {
      lab: 'tun',
      seed: 9,
      servers: 3,
      lang: 'zh-CN' as const,
      panels: ['packet' as const, 'events' as const],
      embed: true,
      speed: 2,
      state: 'v2.N4Ig+b$c-',
    };
    const text = formatUrlParams(p);
    expect(text).toMatch(
      /^\?lab=tun&seed=9&servers=3&lang=zh-CN&embed=1&panels=packet,events&speed=2#state=/,
    );
    const [search, hash] = text.split('#');
    expect(parseUrlParams(search!, `#${hash}`)).toEqual(p);
    expect(formatUrlParams({ state: 'v1.nat.1.0' }, { stateIn: 'query' })).toBe('?state=v1.nat.1.0');
    expect(formatUrlParams({ bare: false })).toBe('');
  });
});
