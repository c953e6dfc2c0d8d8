/**
 * Saved labs that could not be read are not thrown away: they are kept under their own key, so
 * the user can download them (and report or repair them) before discarding them.
 */
import type { CorruptLab } from './persistedSchema';
import { readItem, removeItem, writeItem } from './safeStorage';

export const CORRUPT_KEY = 'lvs-lab.corrupt';

/** What is set aside: each unreadable lab (or whole save, as its raw text) with when it was found. */
export interface SetAside {
  labId: string;
  slot: CorruptLab['slot'] | 'whole';
  raw: unknown;
}

export function readSetAside(): SetAside[] {
  const text = readItem(CORRUPT_KEY);
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as SetAside[]) : [];
  } catch {
    return [{ labId: 'unknown', slot: 'whole', raw: text }];
  }
}

/** JSON of a set-aside item; a value JSON cannot write back (nested too deep) is kept as a note. */
function asText(it: SetAside): string {
  try {
    return JSON.stringify(it);
  } catch {
    return JSON.stringify({ ...it, raw: 'unreadable: nested too deeply to be written back' });
  }
}

/** Add to what is set aside (the same value twice, as from a second tab, is kept once). */
export function setAside(items: readonly SetAside[]): void {
  if (items.length === 0) return;
  const kept = readSetAside().map(asText);
  for (const it of items) {
    const text = asText(it);
    if (!kept.includes(text)) kept.push(text);
  }
  writeItem(CORRUPT_KEY, `[${kept.join(',')}]`);
}

export function discardSetAside(): void {
  removeItem(CORRUPT_KEY);
}
