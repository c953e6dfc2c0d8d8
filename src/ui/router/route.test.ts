import { describe, expect, test } from 'vitest';
import { COMPARE_HREF, labHref, parseRoute } from './route';

describe('routes live in the query string', () => {
  test('lab, compare and the lab list', () => {
    const lab = parseRoute('?lab=dr&seed=7&paused=1');
    expect(lab).toMatchObject({ page: 'lab', labId: 'dr', params: { seed: 7, paused: true } });
    expect(parseRoute('?view=compare&paused=1')).toMatchObject({ page: 'compare', paused: true });
    expect(parseRoute('')).toMatchObject({ page: 'home' });
    expect(parseRoute('?lab=nope')).toMatchObject({ page: 'home' });
  });

  test('a share string or embed=1 opens a lab even without lab=', () => {
    expect(parseRoute('', '#state=v2.abc')).toMatchObject({ page: 'lab', params: { state: 'v2.abc' } });
    expect(parseRoute('?embed=1&panels=packet,terminal')).toMatchObject({
      page: 'lab',
      labId: 'nat',
      params: { embed: true, panels: ['packet', 'terminal'] },
    });
  });

  test('hrefs are relative query strings that parse back', () => {
    expect(labHref('tun')).toBe('?lab=tun');
    expect(labHref('nat', { bare: true })).toBe('?lab=nat&bare=1');
    expect(parseRoute(labHref('nat', { bare: true }))).toMatchObject({
      labId: 'nat',
      params: { bare: true },
    });
    expect(parseRoute(COMPARE_HREF).page).toBe('compare');
  });
});
