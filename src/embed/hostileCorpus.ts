/**
 * A small set of hostile URLs (query + fragment) for browser tests: every one must still give a
 * usable lab, run no script (a test page's `window.__pwned` stays unset, no dialog opens) and
 * raise no uncaught error. The Vitest fuzz pushes thousands more through the pure parsers.
 */
// Default import: Playwright loads this file in Node, where lz-string (CommonJS) has no named ESM exports.
import lz from 'lz-string';

const { compressToEncodedURIComponent } = lz;

const XSS = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '<script>window.__pwned=1</script>';

const v2 = (o: unknown) => `v2.${compressToEncodedURIComponent(JSON.stringify(o))}`;
const enc = encodeURIComponent;

export const HOSTILE_URLS: readonly string[] = [
  `?lab=${enc(SCRIPT)}`,
  `?lang=${enc(XSS)}&scheme=${enc(SCRIPT)}`,
  `?view=${enc('javascript:window.__pwned=1')}&panels=${enc(XSS)},terminal`,
  `?seed=99999999999999999999999&servers=1e309&clients=-1&speed=NaN`,
  `?at=-1&step=1.5e400&paused=<b>&embed=${enc(SCRIPT)}`,
  `?origin=${enc('javascript:alert(1)')}`,
  `?__proto__[polluted]=1&constructor[prototype][polluted]=1&lab=nat`,
  `?lab=nat&lab=${enc(SCRIPT)}&lab=dr`,
  `?%E0%A4%A=%&&==&lab`,
  `#state=${enc(SCRIPT)}`,
  `#state=v2.${'A'.repeat(5000)}`,
  `#state=v1.nat.1.0.${enc('PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ-')}`,
  `#state=v1.nat.1.0.W1s5OTksImxzIl1d`,
  `#state=${v2({
    l: 'nat',
    s: 1,
    b: 0,
    g: [
      [0, SCRIPT],
      [1, XSS],
    ],
  })}`,
  `#state=${v2({ l: 'nat', s: 1, b: 0, g: [], __proto__: { polluted: 1 }, x: { __proto__: { polluted: 1 } } })}`,
  `#state=${v2({ l: 'dr', s: -1, b: 2, n: 99, c: 'x', g: 'nope' })}`,
  `#state=${v2({ l: SCRIPT, s: 1, b: 0, g: [] })}`,
  `#state=${v2({ l: 'tun', s: 3, b: 1, g: [[0, 'echo ok', 1e300]], k: [1e300, XSS, -1], la: XSS, sc: SCRIPT })}`,
  `#state=${v2([1, 2, 3])}`,
  `#state=${v2({ l: 'nat', s: 1, b: 0, g: [[0, 'x'.repeat(20000)]] })}`,
  `?lab=dr&lang=zh-CN#state=${v2({
    l: 'nat',
    s: 5,
    b: 0,
    n: 3,
    c: 2,
    g: [
      [4, 'hostname'],
      [5, 'curl -s 172.16.132.18'],
    ],
  })}`,
  `?embed=1&panels=terminal&state=${enc(v2({ l: 'nat', s: 1, b: 0, g: [[0, `echo '${SCRIPT}'`]] }))}`,
];
