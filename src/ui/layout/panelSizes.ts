/**
 * The lab view's three splits, in percent of the lab area: how tall the top row (topology and
 * inspector) is, how wide the event list is (bottom left) and how wide the inspector is (top
 * right). The terminals take what is left of the bottom row.
 */
export interface PanelSizes {
  top: number;
  events: number;
  inspector: number;
}

export type PanelSplit = keyof PanelSizes;

export const PANEL_SPLITS: readonly PanelSplit[] = ['top', 'events', 'inspector'];

/** The range each split may take, so no panel can be dragged out of sight. */
export const SPLIT_RANGE: Record<PanelSplit, { min: number; max: number }> = {
  top: { min: 25, max: 80 },
  events: { min: 15, max: 65 },
  inspector: { min: 18, max: 55 },
};

/**
 * Where each scheme starts. The projector's large type needs the room in the terminals (80
 * columns of `ipvsadm -Ln` at 1440 px), so its event list starts narrower.
 */
export const DEFAULT_SIZES: Record<'light' | 'dark' | 'projector', PanelSizes> = {
  light: { top: 64, events: 40, inspector: 33 },
  dark: { top: 64, events: 40, inspector: 33 },
  projector: { top: 60, events: 28, inspector: 38 },
};

/** One keyboard step (arrow key), and a large one (Page Up/Down), in percent. */
export const STEP = 2;
export const BIG_STEP = 10;

/** A size held in its split's range, to a tenth of a percent. */
export function clampSplit(split: PanelSplit, value: number): number {
  const { min, max } = SPLIT_RANGE[split];
  if (!Number.isFinite(value)) return min;
  return Math.round(Math.min(max, Math.max(min, value)) * 10) / 10;
}

/** Saved sizes read back: anything missing or malformed is the scheme's default. */
export function sizesFrom(saved: unknown, fallback: PanelSizes): PanelSizes {
  const o = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  const out = { ...fallback };
  for (const s of PANEL_SPLITS) {
    const v = o[s];
    if (typeof v === 'number' && Number.isFinite(v)) out[s] = clampSplit(s, v);
  }
  return out;
}

/**
 * The new size for a key on a separator, or undefined for a key it does not take. `grows` is the
 * arrow that makes the panel bigger (ArrowDown for the top row, ArrowRight for the event list,
 * ArrowLeft for the inspector, which sits on the right).
 */
export function sizeForKey(split: PanelSplit, value: number, key: string): number | undefined {
  const grow: Record<PanelSplit, string> = { top: 'ArrowDown', events: 'ArrowRight', inspector: 'ArrowLeft' };
  const shrink: Record<PanelSplit, string> = { top: 'ArrowUp', events: 'ArrowLeft', inspector: 'ArrowRight' };
  const { min, max } = SPLIT_RANGE[split];
  if (key === grow[split]) return clampSplit(split, value + STEP);
  if (key === shrink[split]) return clampSplit(split, value - STEP);
  if (key === 'PageUp') return clampSplit(split, value + BIG_STEP);
  if (key === 'PageDown') return clampSplit(split, value - BIG_STEP);
  if (key === 'Home') return min;
  if (key === 'End') return max;
  return undefined;
}

/**
 * The size a pointer at `pos` (px from the lab area's start along the split's axis) gives, in a
 * lab area `length` px long. The inspector is measured from the right edge.
 */
export function sizeForPointer(split: PanelSplit, pos: number, length: number): number {
  if (length <= 0) return clampSplit(split, 0);
  const pct = (pos / length) * 100;
  return clampSplit(split, split === 'inspector' ? 100 - pct : pct);
}
