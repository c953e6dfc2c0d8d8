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
