import type { TFunction } from 'i18next';

/** Per translate function (one per language): the words of each key that takes no values. */
const caches = new WeakMap<TFunction, Map<string, string>>();

/**
 * `t(key)` for a key without values, looked up once per language: the inspector names every field
 * of the frame it follows a few times a second, and each i18next call parses and allocates.
 */
export function fixedText(t: TFunction, key: string): string {
  let words = caches.get(t);
  if (!words) caches.set(t, (words = new Map()));
  let s = words.get(key);
  if (s === undefined) words.set(key, (s = t(key)));
  return s;
}
