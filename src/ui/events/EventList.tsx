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

/** The scroll position the browser allows for `top`: the rows' height less the scroller's. */
function clampTop(top: number, rows: number, rowH: number, height: number): number {
  return Math.min(top, Math.max(0, rows * rowH - height));
}

/** Where the window goes so that `row` shows, centred; undefined when it shows from `top` already. */
function windowTopFor(row: number, rowH: number, height: number, top: number): number | undefined {
  if (row < 0) return undefined;
  const at = row * rowH;
  if (at >= top && at + rowH <= top + height) return undefined;
  return Math.max(0, Math.round(at - height / 2));
}

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
  // The scroll event of our own scroll: its position is known, and reading it back would force a
  // layout of whatever else changed since (the scroll event comes before the frame's own layout).
  const ours = useRef(false);
  /** Where the scroller is, as last written or scrolled to (read without a layout). */
  const known = useRef(0);
  const [height, setHeight] = useState(300);
  const [rowH, setRowH] = useState(44);
  const currentRow = rowAtCursor(rows, cursor);
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
  const [followed, setFollowed] = useState({ row: -1, rowH });
  // As the browser clamps the scroll position when the rows get fewer (a filter).
  const shownTop = clampTop(scrollTop, rows.length, rowH, height);
  // The scroller follows at the next animation frame, before it paints the rows drawn here:
  // writing scrollTop lays the page out, and done in this commit (a settled view's task between
  // frames) that layout of the new rows was added to this update's script in one frame; at the
  // frame it is the frame's own layout. The read back after the write reuses that layout.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || known.current === shownTop) return;
    const write = () => {
      el.scrollTop = shownTop;
      const now = el.scrollTop;
      ours.current = now !== known.current;
      known.current = now;
      // The browser clamped it otherwise (the scroller's height not yet the one observed).
      if (now !== shownTop) setScrollTop(now);
    };
    if (typeof requestAnimationFrame !== 'function') return write();
    const raf = requestAnimationFrame(write);
    return () => cancelAnimationFrame(raf);
  }, [shownTop]);
  const first = Math.max(0, Math.floor(shownTop / rowH) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((shownTop + height) / rowH) + OVERSCAN);
  // Rows are keyed by their place in the window, not by event: as the window slides, each
  // element stays where it is in the list and takes the words of its new event (text patched in
  // place). Keyed by event (or by event modulo the window, which rotates the children), React
  // would move the elements, and a moved element is taken out of the layout tree and built again.

  // The words that follow the list's own state, made when that changes: i18next's t() costs
  // ~0.1 ms a call, and the list re-renders a few times a second as the cursor moves.
  const title = useMemo(() => t('events.title'), [t]);
  const count = useMemo(
    () => t('events.count', { shown: rows.length, total: model.trace.length }),
    [t, rows.length, model.trace.length],
  );
  // One function for every render: the rows are memoised and re-render only when their own props change.
  const onPick = useCallback(
    (seq: number) => {
      pause();
      seek(seq + 1);
    },
    [pause, seek],
  );
  // Keep the current row in view: when it moves out of the window, the window moves in this
  // render (React renders again at once, before any child), so the rows are drawn once, for the
  // new window. Set from a layout effect, as before, it took a second render and commit: the
  // old window's rows re-marked for the new cursor, then all of them written again. Checked
  // after every hook and left at once: React throws this pass away, so its rows (their words and
  // findings' titles) are not made for nothing.
  if (followed.row !== currentRow || followed.rowH !== rowH) {
    setFollowed({ row: currentRow, rowH });
    const next = windowTopFor(currentRow, rowH, height, shownTop);
    if (next !== undefined) setScrollTop(next);
    return null;
  }
  return (
    <div className="event-list">
      <div className="panel-head">
        <h2>{title}</h2>
        <span className="muted">{count}</span>
      </div>
      <EventFilters />
      <SummaryRow trace={model.trace} />
      {/* Rows and detail in a block of their own: the filters' <select> keeps the whole list from
          being a layout root in Chrome, and these follow the cursor (app.css). */}
      <div className="event-body">
        <div className="event-body-inner">
          <div
            className="event-scroll"
            ref={scroller}
            onScroll={(e) => {
              if (ours.current) ours.current = false;
              else setScrollTop((known.current = e.currentTarget.scrollTop));
            }}
            tabIndex={-1}
          >
            <ol className="event-rows" style={{ height: rows.length * rowH }} aria-label={title}>
              {rows.slice(first, last).map((seq, i) => {
                const words = rowText(model, seq, render);
                const found = byEvent.get(seq);
                return (
                  <EventRow
                    key={i}
                    seq={seq}
                    kind={words.kind}
                    words={words}
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
      </div>
    </div>
  );
}
