import { describe, expect, it } from 'vitest';
import { beforeEntry } from './catalogPreload';

const PAGE = `<head>
    <title>LVS Lab</title>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/en-abc.js">
  </head>`;
const LANG = '<script async src="./assets/lang-abc.js"></script>';

describe('beforeEntry', () => {
  it('puts the tag right before the entry module script, first of the scripts in the head', () => {
    const html = beforeEntry(PAGE, LANG);
    expect(html.indexOf(LANG)).toBeGreaterThan(html.indexOf('<title>'));
    expect(html.indexOf(LANG)).toBeLessThan(html.indexOf('index-abc.js'));
    expect(html.replace(`${LANG}\n    `, '')).toBe(PAGE);
  });

  it('finds the entry whatever attribute comes first', () => {
    const page = PAGE.replace('type="module" crossorigin', 'crossorigin type="module"');
    const html = beforeEntry(page, LANG);
    expect(html.indexOf(LANG)).toBeLessThan(html.indexOf('index-abc.js'));
  });

  it('fails the build when the page has no entry module script', () => {
    expect(() => beforeEntry('<head><script src="./a.js"></script></head>', LANG)).toThrow(
      /no entry module script/,
    );
  });
});
