import type { TFunction } from 'i18next';

// Markers no translation holds (private-use characters).
const CURSOR = '\ue000';
const TIME = '\ue001';

/**
 * "Event {cursor} of {total} · {time}" as a function of the two numbers that move, translated
 * once: the scrubber writes it in every animation frame, and a lookup through i18next per frame
 * cost more than writing the words. The same string as t('playback.position', …) in any language.
 */
export function positionWords(t: TFunction, total: number): (cursor: number, time: string) => string {
  const whole = t('playback.position', { cursor: CURSOR, total, time: TIME });
  const [a = '', b = '', c = ''] = whole.split(/[\ue000\ue001]/u);
  if (whole.indexOf(CURSOR) < whole.indexOf(TIME)) return (cursor, time) => `${a}${cursor}${b}${time}${c}`;
  return (cursor, time) => `${a}${time}${b}${cursor}${c}`;
}

/**
 * A width in `ch` that holds `words`: digits are 1ch (tabular), most letters less, a wide (CJK)
 * character about 2. The scrubber's words sit in a box of this width (contain: strict, app.css)
 * so that writing them every animation frame lays out that box alone, not the playback bar and
 * the page around it (a flex item is never a layout root itself): with the slider, those layouts
 * were about half of an ordinary frame's main-thread time.
 */
export function widthOf(words: string): number {
  let n = 1;
  for (const c of words) n += c.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return n;
}
