import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState } from '@/store/types';
import { useStoreApi } from '@/store/useAppStore';
import { formatMicros } from '../format';
import { settledThrottle } from '../hooks/settledThrottle';
import { SETTLE_MS } from '../hooks/useSettledStore';
import { positionWords, widthOf } from './positionWords';
import { thumbPixel } from './thumbPixel';

/**
 * The scrubber and the position in words: the part of the bar that follows the clock. It follows
 * it from a store subscription that writes straight into the DOM, as the frame canvas does: a
 * React render of the bar per animation frame cost more than the rest of the frame. React
 * renders it only when the trace's length or the language changes.
 * Nothing here is written every frame: the slider's value when its thumb moves a pixel (in a long
 * trace hundreds of events share one), and the words (shown, and the slider's value text) at most
 * every SETTLE_MS, the last always, with the exact value. Either written repainted the page's
 * main thread in an animation frame that otherwise paints nothing there (the crowd is painted
 * in a worker): ~1.5 ms of a 4 ms frame with 500 frames on the wire (issue 10).
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
  /** Write the value and words now: the user is about to read or step from them. */
  const exact = useRef(() => {});
  useLayoutEffect(() => {
    const el = input.current;
    const text = output.current;
    const words = positionWords(t, total);
    const summarised = first > 0 ? t('playback.summarised', { first }) : '';
    // The words' box is as wide as the longest words it has held (see widthOf).
    let width = 0;
    let written = NaN;
    let travel = 0;
    const writeValue = (cursor: number) => {
      if (!el || cursor === written) return;
      el.value = String((written = cursor));
    };
    const writeAll = () => {
      const s = store.getState();
      writeValue(s.cursor);
      const at = words(s.cursor, formatMicros(s.simTime));
      const position = summarised ? `${at} · ${summarised}` : at;
      el?.setAttribute('aria-valuetext', position);
      if (text) {
        const w = widthOf(position);
        if (w > width) text.style.width = `${(width = w)}ch`;
        // The words' text node is written in place: textContent would make a new node per
        // write, garbage for the renderer's own heap (issue 10).
        const node = text.firstChild;
        if (node) node.nodeValue = position;
        else text.textContent = position;
      }
    };
    const later = settledThrottle(SETTLE_MS, writeAll);
    exact.current = later.now;
    const shown = { cursor: NaN, simTime: NaN };
    const show = (s: AppState) => {
      if (s.cursor === shown.cursor && s.simTime === shown.simTime) return;
      Object.assign(shown, { cursor: s.cursor, simTime: s.simTime });
      if (thumbPixel(s.cursor, total, travel) !== thumbPixel(written, total, travel)) writeValue(s.cursor);
      later.offer();
    };
    writeAll();
    Object.assign(shown, { cursor: store.getState().cursor, simTime: store.getState().simTime });
    // The track's length in device pixels, read by the observer (no layout forced here).
    const ro =
      el && typeof ResizeObserver === 'function'
        ? new ResizeObserver(([e]) => (travel = (e?.contentRect.width ?? 0) * (window.devicePixelRatio || 1)))
        : undefined;
    if (el) ro?.observe(el);
    const off = store.subscribe(show);
    return () => {
      off();
      later.cancel();
      ro?.disconnect();
    };
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
          // The keys step from the value: it must be the cursor's, not the thumb's pixel's.
          onKeyDown={() => exact.current()}
          onFocus={() => exact.current()}
        />
      </span>
      <output className="playback-position" aria-live="off">
        <span ref={output} className="playback-position-text" />
      </output>
    </>
  );
}
