import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SPLIT_RANGE, sizeForKey, sizeForPointer } from '../layout/panelSizes';
import type { PanelSplit } from '../layout/panelSizes';

interface Props {
  split: PanelSplit;
  /** The panel's size, percent of the lab area. */
  value: number;
  onChange(percent: number): void;
  /** The lab area the percentages are of. */
  area: RefObject<HTMLElement | null>;
  /** Id of the panel this separator sizes. */
  controls: string;
}

/** The lab area's content box along one axis (inside its padding): what the grid's percentages are of. */
function contentBox(el: HTMLElement, rows: boolean): { start: number; length: number } {
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const px = (v: string) => parseFloat(v) || 0;
  return rows
    ? { start: r.top + px(cs.paddingTop), length: r.height - px(cs.paddingTop) - px(cs.paddingBottom) }
    : { start: r.left + px(cs.paddingLeft), length: r.width - px(cs.paddingLeft) - px(cs.paddingRight) };
}

/**
 * A window splitter (WAI-ARIA separator): drag it, or focus it and use the arrow keys (Page
 * Up/Down for big steps, Home/End for the ends). Its value is the size of the panel it controls.
 */
export function PanelSplitter({ split, value, onChange, area, controls }: Props) {
  const { t } = useTranslation();
  const dragging = useRef(false);
  const { min, max } = SPLIT_RANGE[split];
  const rows = split === 'top';
  const fromPointer = (e: PointerEvent) => {
    const el = area.current;
    if (!el) return;
    const box = contentBox(el, rows);
    const pos = (rows ? e.clientY : e.clientX) - box.start;
    onChange(sizeForPointer(split, pos, box.length));
  };
  const onKey = (e: KeyboardEvent) => {
    const next = sizeForKey(split, value, e.key);
    if (next === undefined) return;
    e.preventDefault();
    onChange(next);
  };
  return (
    <div
      className={`splitter splitter-${split}`}
      role="separator"
      tabIndex={0}
      aria-orientation={rows ? 'horizontal' : 'vertical'}
      aria-label={t(`panels.split.${split}`)}
      aria-controls={controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={t('panels.valueText', { percent: Math.round(value) })}
      data-split={split}
      onKeyDown={onKey}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        if (dragging.current) fromPointer(e);
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
    />
  );
}
