import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { settleUpdate } from '../hooks/settlePump';
import type { Hop } from '../model/frameHops';
import { frameTag } from '../model/frameSummary';
import type { FrameBuffer } from './frameBuffer';
import { DENSE_FRAMES } from './FrameLayer';

/**
 * How often at most the list for screen readers follows a moving crowd (ms). Each update
 * rewrites up to DENSE_FRAMES buttons' words; a screen reader cannot read faster than this.
 */
const LIST_EVERY_MS = 1000;

export interface Listed {
  hops: Hop[];
  more: number;
}
export const NO_LIST: Listed = { hops: [], more: 0 };

function sameHops(a: readonly Hop[], b: readonly Hop[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
const sameList = (a: Listed, b: Listed) => a.more === b.more && sameHops(a.hops, b.hops);

/**
 * The crowd's list worked out in place each animation frame (its first `n` hops; the array is
 * never shortened, so its storage is kept); copied only when it changed.
 */
const scratch = { hops: [] as Hop[], n: 0, more: 0 };
const sameAsScratch = (l: Listed) =>
  l.more === scratch.more && l.hops.length === scratch.n && l.hops.every(isScratchAt);
const isScratchAt = (h: Hop, i: number) => h === scratch.hops[i];

/**
 * Hands a new list to React when it changed, at most every LIST_EVERY_MS while the crowd moves
 * (the last one always lands): a screen reader cannot follow a list that changes every frame.
 * The update waits its turn with the other settled views (settlePump), one per drawn frame.
 */
export function listThrottle(set: (l: Listed) => void) {
  let shown: Listed | undefined;
  let pending: Listed | undefined;
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting = false;
  let drop = () => {};
  const show = () => {
    waiting = false;
    if (!pending) return;
    shown = pending;
    pending = undefined;
    last = performance.now();
    set(shown);
  };
  const flush = () => {
    timer = undefined;
    if (waiting || !pending) return;
    waiting = true;
    drop = settleUpdate(show);
  };
  const offer = (l: Listed) => {
    if (shown && sameList(l, shown)) {
      pending = undefined;
      return;
    }
    pending = l;
    const wait = last + LIST_EVERY_MS - performance.now();
    if (wait <= 0) flush();
    else timer ??= setTimeout(flush, wait);
  };
  return {
    offer,
    /**
     * offer(listedHops(b, selected)), or offer(NO_LIST) without `b`, allocating nothing when
     * the list is the one shown or already waiting (most animation frames: the crowd moves, the
     * first frames on the wire stay).
     */
    offerFrom(b: FrameBuffer | undefined, selected: string | null) {
      if (!b) return offer(NO_LIST);
      listInto(b, selected, scratch);
      if (shown && sameAsScratch(shown)) pending = undefined;
      else if (!(pending && sameAsScratch(pending)))
        offer({ hops: scratch.hops.slice(0, scratch.n), more: scratch.more });
    },
    cancel() {
      clearTimeout(timer);
      drop();
    },
  };
}

/**
 * The frames the list names: the first DENSE_FRAMES on the wire (oldest first) and the selected
 * one. Hundreds of hidden buttons would make every layout of the page slower than the canvas
 * saves; the rest are counted (and each is in the event list).
 */
export function listedHops(b: FrameBuffer, selected: string | null): Listed {
  const out = { hops: [] as Hop[], n: 0, more: 0 };
  listInto(b, selected, out);
  out.hops.length = out.n;
  return { hops: out.hops, more: out.more };
}

/** listedHops into `out`: its first `n` hops (written over, the array never shortened) and `more`. */
function listInto(
  b: FrameBuffer,
  selected: string | null,
  out: { hops: Hop[]; n: number; more: number },
): void {
  const { hops } = out;
  let n = 0;
  let all = 0;
  let pick: Hop | undefined;
  let last: Hop | undefined;
  for (let i = 0; i < b.count; i++) {
    const hop = b.hops[i]!;
    if (hop === last) continue;
    last = hop;
    all++;
    if (n < DENSE_FRAMES) hops[n++] = hop;
    else if (hop.frame === selected) pick = hop;
  }
  if (pick) hops[n++] = pick;
  out.n = n;
  out.more = all - n;
}

/**
 * One frame on the wire, as a button, keyed by its place in the list: as the crowd moves on, the
 * same elements take new words instead of being torn down and built again. The words are the
 * button's accessible name, not its text: the list is never seen, and ~60 new texts a second
 * were laid out (and shaped) each time, 3–5 ms a turn; a new attribute lays out nothing.
 */
const FrameItem = memo(function FrameItem({
  frame,
  label,
  pressed,
  onSelect,
}: {
  frame: string;
  label: string;
  pressed: boolean;
  onSelect: (frame: string) => void;
}) {
  return (
    <li>
      <button
        type="button"
        tabIndex={-1}
        aria-label={label}
        aria-pressed={pressed}
        onClick={() => onSelect(frame)}
      />
    </li>
  );
});

/**
 * The crowd in words: one button per frame on the wire, for screen readers (not tab stops: a
 * keyboard user reaches frames through the event list). Re-rendered only when the set changes.
 */
export const FrameList = memo(
  function FrameList({
    hops,
    more,
    selected,
    onSelect,
  }: {
    hops: Hop[];
    more: number;
    selected: string | null;
    onSelect: (frame: string) => void;
  }) {
    const { t } = useTranslation();
    const suffix = t('topology.frameLabel', { frame: '{frame}' });
    return (
      <ul className="visually-hidden clock-words frame-list" aria-label={t('topology.framesOnWire')}>
        {hops.map((h, i) => (
          <FrameItem
            key={i}
            frame={h.frame}
            label={`${tagOf(h)} ${suffix.replace('{frame}', h.frame)}`}
            pressed={selected === h.frame}
            onSelect={onSelect}
          />
        ))}
        {more > 0 && <li>{t('topology.framesMore', { count: more })}</li>}
      </ul>
    );
  },
  (a, b) =>
    a.selected === b.selected &&
    a.more === b.more &&
    a.onSelect === b.onSelect &&
    a.hops.length === b.hops.length &&
    a.hops.every((h, i) => h === b.hops[i]),
);

/** A frame's tag (SYN, ARP…), once per frame: the list asks again for the frames that stay in it. */
const tags = new WeakMap<Hop, string>();
function tagOf(h: Hop): string {
  let tag = tags.get(h);
  if (tag === undefined) tags.set(h, (tag = frameTag(h.eth)));
  return tag;
}
