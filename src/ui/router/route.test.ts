import { describe, expect, test } from 'vitest';
import { formatRoute, parseRoute } from './route';

describe('routes', () => {
  test('/lab/:id?seed=…&paused=1 and /compare round-trip', () => {
    expect(parseRoute('/lab/dr', '?seed=7&paused=1')).toEqual({
      page: 'lab',
      labId: 'dr',
      seed: 7,
      paused: true,
    });
    expect(formatRoute({ page: 'lab', labId: 'dr', seed: 7, paused: true })).toBe('/lab/dr?seed=7&paused=1');
    expect(parseRoute('/compare', '')).toEqual({ page: 'compare', paused: false });
    expect(parseRoute('/lab/nope', '')).toEqual({ page: 'home' });
    expect(parseRoute('/', '')).toEqual({ page: 'home' });
  });
});
