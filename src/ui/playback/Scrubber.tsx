import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '@/store/types';
import { useStoreApi } from '@/store/useAppStore';
import { formatMicros } from '../format';
import { positionWords, widthOf } from './positionWords';

/**
 * The scrubber and the position in words: the part of the bar that follows the clock every
 * frame. It follows it from a store subscription that writes the slider's value and the words
 * straight into the DOM, as the frame canvas does: a React render of the bar per animation frame
 * cost more than the rest of the frame. React renders it only when the trace's length or the
 * language changes.
 */
export function Scrubber({
  total,
  first,
  seek,
}: {
  total: number;
  /** A long session's first event kept in full detail: the span before it was summarised. */
  first: number;
  seek: (cursor: number) => void;
}) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const output = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const shown = { cursor: NaN, simTime: NaN };
    const words = positionWords(t, total);
    const summarised = first > 0 ? t('playback.summarised', { first }) : '';
    // The words' box is as wide as the longest words it has held (see widthOf).
    let width = 0;
    const show = (s: AppState) => {
      if (s.cursor === shown.cursor && s.simTime === shown.simTime) return;
      const moved = s.cursor !== shown.cursor;
      Object.assign(shown, { cursor: s.cursor, simTime: s.simTime });
      const at = words(s.cursor, formatMicros(s.simTime));
      const position = summarised ? `${at} · ${summarised}` : at;
      const el = input.current;
      if (el) {
        // Only when the cursor moved: the clock moves every frame, the cursor at events, and a
        // range input's value written (even unchanged) redoes its thumb's style and layout.
        if (moved) el.value = String(s.cursor);
        el.setAttribute('aria-valuetext', position);
      }
      const text = output.current;
      if (text) {
        const w = widthOf(position);
        if (w > width) text.style.width = `${(width = w)}ch`;
        // The words' text node is written in place: textContent would make a new node per
        // frame, garbage for the renderer's own heap (issue 10).
        const node = text.firstChild;
        if (node) node.nodeValue = position;
        else text.textContent = position;
      }
    };
    show(store.getState());
    return store.subscribe(show);
  }, [store, t, total, first]);
  return (
    <>
      <span className="scrubber-track">
        <input
          ref={input}
          className="scrubber"
          type="range"
          min={0}
          max={total}
          step={1}
          aria-label={t('playback.scrub')}
          // A long session's summarised span ends here (the cursor cannot go before it).
          data-summarised={first > 0 ? first : undefined}
          onChange={(e) => seek(Number(e.target.value))}
        />
      </span>
      <output className="playback-position" aria-live="off">
        <span ref={output} className="playback-position-text" />
      </output>
    </>
  );
}
