import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { useFindings } from '../hooks/useFindings';
import { useLab } from '../hooks/useLab';
import { cursorOf, useSettledStore } from '../hooks/useSettledStore';
import { findingsByEvent } from '../model/findingsAtCursor';
import { EventDetail } from './EventDetail';
import { EventFilters } from './EventFilters';
import { EventRow } from './EventRow';
import { SummaryRow } from './SummaryRow';
import { rowText } from './rowText';
import { useRenderMessage } from '../hooks/useRenderMessage';
import { rowAtCursor, useFilteredEvents } from './useFilteredEvents';

const OVERSCAN = 2;

function rowHeightPx(): number {
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.round(root * 2.9);
}

/**
 * Every trace event in words, windowed so tens of thousands of rows stay cheap. Clicking a row
 * seeks there; the row at the cursor is marked and kept in view (following a moving cursor a few
 * times a second); its "why" is shown below.
 */
export function EventList() {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const { model } = useLab();
  const found = useFindings();
  const byEvent = useMemo(() => findingsByEvent(found), [found]);
  const findingAt = useMemo(() => new Set(byEvent.keys()), [byEvent]);
  const rows = useFilteredEvents(model, findingAt);
  const cursor = useSettledStore(cursorOf);
  const scheme = useAppStore((s) => s.scheme);
  const seek = useAppStore((s) => s.seek);
  const pause = useAppStore((s) => s.pause);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // Where the scroller is, as far as we know: its last scroll event or our last write.
  const actual = useRef(0);
  // The scroll event of our own scroll: its position is known, and reading it back would force a
  // layout of whatever else changed since (the scroll event comes before the frame's own layout).
  const ours = useRef(false);
  const [height, setHeight] = useState(300);
  const [rowH, setRowH] = useState(44);
  const currentRow = rowAtCursor(rows, cursor);
  // The row (and row height) the list last brought into view: it follows the cursor only when
  // that moves, not when the student scrolls away from it.
  const [followed, setFollowed] = useState({ row: -1, rowH: 0 });
  if (followed.row !== currentRow || followed.rowH !== rowH) {
    setFollowed({ row: currentRow, rowH });
    // The new window is worked out here, in the same render as the cursor's move, so its rows are
    // drawn once: scrolling after the commit re-rendered them all, and laid out the old ones too.
    const next = scrollToShow(currentRow, rowH, height, clampTop(scrollTop, rows.length * rowH, height));
    if (next !== undefined) setScrollTop(next);
  }
  useLayoutEffect(() => {
    setRowH(rowHeightPx());
  }, [scheme]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Scroll to the window drawn at the start of the next frame, not now: writing the position lays
  // out the new rows, and done in the settled update's own task that layout landed in the same
  // frame as the update (the frame lays them out anyway; done in its animation-frame callback, the
  // layout happens once, there). Until then the rows are moved by a transform (no layout), so the
  // frame that may paint in between shows the new window where it will be.
  const rowsEl = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    const ol = rowsEl.current;
    if (!el || !ol) return;
    ol.style.transform = scrollTop === actual.current ? '' : `translateY(${actual.current - scrollTop}px)`;
    if (scrollTop === actual.current) return;
    const apply = () => {
      el.scrollTop = scrollTop;
      // Read before the transform goes: after it, the read would recalculate style again.
      const got = el.scrollTop;
      ol.style.transform = '';
      ours.current = got !== actual.current;
      actual.current = got;
      if (got !== scrollTop) setScrollTop(got);
    };
    if (typeof requestAnimationFrame !== 'function') return apply();
    const frame = requestAnimationFrame(apply);
    return () => cancelAnimationFrame(frame);
  }, [scrollTop]);
  // As the browser clamps the scroll position when the rows get fewer (a filter).
  const shownTop = clampTop(scrollTop, rows.length * rowH, height);
  const first = Math.max(0, Math.floor(shownTop / rowH) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((shownTop + height) / rowH) + OVERSCAN);
  // Rows are keyed by slot (their place modulo the most a window can hold), not by event: as the
  // window slides, a row whose event left it is reused for one that came in (new words in the
  // same elements) instead of being torn down and built again.
  const slots = Math.ceil(height / rowH) + 2 * OVERSCAN + 2; // One function for every render: the rows are memoised and re-render only when their own
  // props change (the current row and the ones the cursor crossed).
  // The words that follow the list's own state, made when that changes: i18next's t() costs
  // ~0.1 ms a call, and the list re-renders a few times a second as the cursor moves.
  const title = useMemo(() => t('events.title'), [t]);
  const count = useMemo(
    () => t('events.count', { shown: rows.length, total: model.trace.length }),
    [t, rows.length, model.trace.length],
  );
  const onPick = useCallback(
    (seq: number) => {
      pause();
      seek(seq + 1);
    },
    [pause, seek],
  );
  return (
    <div className="event-list">
      <div className="panel-head">
        <h2>{title}</h2>
        <span className="muted">{count}</span>
      </div>
      <EventFilters />
      <SummaryRow trace={model.trace} />
      <div
        className="event-scroll"
        ref={scroller}
        onScroll={(e) => {
          if (ours.current) ours.current = false;
          else setScrollTop((actual.current = e.currentTarget.scrollTop));
        }}
        tabIndex={-1}
      >
        <ol ref={rowsEl} className="event-rows" style={{ height: rows.length * rowH }} aria-label={title}>
          {rows.slice(first, last).map((seq, i) => {
            const e = model.trace.at(seq)!;
            const found = byEvent.get(seq);
            return (
              <EventRow
                key={(first + i) % slots}
                seq={seq}
                kind={e.kind}
                words={rowText(model, e, render)}
                top={(first + i) * rowH}
                height={rowH}
                current={first + i === currentRow}
                future={seq >= cursor}
                findingKinds={found?.map((f) => f.kind).join(' ')}
                findingTitles={found?.map((f) => t(`finding.${f.kind}.title`, f.params)).join(' · ')}
                onPick={onPick}
              />
            );
          })}
        </ol>
      </div>
      <EventDetail />
    </div>
  );
}

/** The scroll position the browser shows for `top` when the rows are `total` px tall. */
function clampTop(top: number, total: number, height: number): number {
  return Math.min(top, Math.max(0, total - height));
}

/** Where to scroll so that row `row` is wholly in view (centred), or undefined if it already is. */
function scrollToShow(row: number, rowH: number, height: number, shownTop: number): number | undefined {
  if (row < 0) return undefined;
  const top = row * rowH;
  if (top >= shownTop && top + rowH <= shownTop + height) return undefined;
  return Math.max(0, top - height / 2);
}
