import { describe, expect, test } from 'vitest';
import { formatSecs, httpDate, LAB_EPOCH_S } from './httpDate';

describe('httpDate', () => {
  test('the lab clock starts at the seed article date', () => {
    expect(httpDate(0)).toBe('Mon, 05 Aug 2019 08:00:00 GMT');
    expect(httpDate(999_999)).toBe('Mon, 05 Aug 2019 08:00:00 GMT');
    expect(httpDate(1_000_000)).toBe('Mon, 05 Aug 2019 08:00:01 GMT');
  });

  test('the memo of the last second gives what formatting again gives, in any order', () => {
    // Forwards, backwards, repeated, across a day and a year: each equals a fresh format.
    const times = [0, 5, 1_000_000, 1_000_001, 0, 86_399_999_999, 86_400_000_000, 3e13, 0, 3e13];
    for (const us of times) {
      expect(httpDate(us)).toBe(formatSecs(LAB_EPOCH_S + Math.floor(us / 1_000_000)));
    }
    expect(httpDate(86_400_000_000)).toBe('Tue, 06 Aug 2019 08:00:00 GMT');
  });
});
