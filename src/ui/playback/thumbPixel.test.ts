import { expect, test } from 'vitest';
import { thumbPixel } from './thumbPixel';

test('cursors a pixel apart move the thumb, cursors within a pixel share its place', () => {
  // 71,142 events on a 240-pixel track: ~296 events a pixel.
  const at = (c: number) => thumbPixel(c, 71_142, 240);
  expect(at(42_728)).toBe(at(42_729));
  expect(at(42_728 + 300)).toBeGreaterThan(at(42_728));
  expect(at(0)).toBe(0);
  expect(at(71_142)).toBe(240);
});

test('a short trace on a long track gives every cursor its own place', () => {
  const places = new Set(Array.from({ length: 51 }, (_, c) => thumbPixel(c, 50, 480)));
  expect(places.size).toBe(51);
});

test('with the track not yet measured (or an empty trace) every cursor is its own place', () => {
  expect(thumbPixel(7, 100, 0)).toBe(7);
  expect(thumbPixel(8, 100, 0)).toBe(8);
  expect(thumbPixel(3, 0, 240)).toBe(3);
});
