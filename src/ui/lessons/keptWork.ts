/**
 * The student's own work in a lab that opening a lesson would replace: set aside (in storage, so a
 * reload keeps it too) instead of lost, to be restored or downloaded from the lesson's notice.
 */
import type { LabId } from '@/engine';
import { readItem, removeItem, writeItem } from '@/store/safeStorage';
import type { AppState, Session } from '@/store/types';

export type KeptWork = Session & { labId: LabId };

const key = (lab: LabId) => `lvs-lab.lesson-kept.${lab}`;

/** The lab's current work (the open lab, else its saved session), when it has commands. */
export function workIn(s: AppState, lab: LabId): KeptWork | null {
  const w: Session | undefined =
    s.spec.labId === lab ? { ...s.spec, log: [...s.spec.log], cursor: s.cursor } : s.sessions[lab];
  if (!w || w.log.length === 0) return null;
  const { seed, bare, servers, clients, log, cursor } = w;
  return {
    labId: lab,
    seed,
    bare,
    log,
    cursor,
    ...(servers ? { servers } : {}),
    ...(clients ? { clients } : {}),
  };
}

export function readKept(lab: LabId): KeptWork | null {
  try {
    const w = JSON.parse(readItem(key(lab)) ?? 'null') as KeptWork | null;
    return w && w.labId === lab && Array.isArray(w.log) && w.log.length > 0 ? w : null;
  } catch {
    return null;
  }
}

export function saveKept(w: KeptWork): void {
  writeItem(key(w.labId), JSON.stringify(w));
}

export function dropKept(lab: LabId): void {
  removeItem(key(lab));
}

/** Same commands in the same lab setup: nothing was replaced. */
export function sameWork(a: KeptWork | null, b: KeptWork | null): boolean {
  return JSON.stringify(a && { ...a, cursor: 0 }) === JSON.stringify(b && { ...b, cursor: 0 });
}
