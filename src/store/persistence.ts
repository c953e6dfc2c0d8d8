import type { LabId } from '@/engine';
import { isLabId, parseLab, serializeLab } from './labSpec';
import type { AppState, Session } from './types';

/** What survives a reload: the lab as a compact string, the playback position, and preferences. */
export interface PersistedState {
  lab: string;
  cursor: number;
  sessions: Record<string, { lab: string; cursor: number }>;
  language: AppState['language'];
  scheme: AppState['scheme'];
  speed: number;
  startPaused: boolean;
  inspectorTab: AppState['inspectorTab'];
  terminalHost: string;
  selectedFrame: string | null;
  filterHost: string;
  filterCategories: AppState['filterCategories'];
}

export function partialize(s: AppState): PersistedState {
  const sessions: PersistedState['sessions'] = {};
  for (const [id, sess] of Object.entries(s.sessions)) {
    if (!sess || !isLabId(id)) continue;
    sessions[id] = {
      lab: serializeLab({ labId: id, seed: sess.seed, bare: sess.bare, log: sess.log }),
      cursor: sess.cursor,
    };
  }
  return {
    lab: serializeLab(s.spec),
    cursor: s.cursor,
    sessions,
    language: s.language,
    scheme: s.scheme,
    speed: s.speed,
    startPaused: s.startPaused,
    inspectorTab: s.inspectorTab,
    terminalHost: s.terminalHost,
    selectedFrame: s.selectedFrame,
    filterHost: s.filterHost,
    filterCategories: s.filterCategories,
  };
}

/** Rebuild the store's state from what was saved; anything malformed is left at its default. */
export function merge(persisted: unknown, current: AppState): AppState {
  const p = (persisted ?? {}) as Partial<PersistedState>;
  const spec = typeof p.lab === 'string' ? parseLab(p.lab) : undefined;
  const sessions: AppState['sessions'] = {};
  for (const [id, v] of Object.entries(p.sessions ?? {})) {
    const sp = parseLab(v.lab);
    if (sp && isLabId(id))
      sessions[id as LabId] = {
        seed: sp.seed,
        bare: sp.bare,
        log: [...sp.log],
        cursor: v.cursor,
      } satisfies Session;
  }
  const pick = <K extends keyof PersistedState>(k: K, ok: (v: unknown) => boolean) =>
    ok(p[k]) ? { [k]: p[k] } : {};
  return {
    ...current,
    ...(spec ? { spec, cursor: typeof p.cursor === 'number' ? p.cursor : -1 } : {}),
    sessions,
    ...pick('language', (v) => v === 'en' || v === 'zh-CN'),
    ...pick('scheme', (v) => v === 'light' || v === 'dark' || v === 'projector'),
    ...pick('speed', (v) => typeof v === 'number' && v > 0),
    ...pick('startPaused', (v) => typeof v === 'boolean'),
    ...pick('inspectorTab', (v) => typeof v === 'string'),
    ...pick('terminalHost', (v) => typeof v === 'string'),
    ...pick('selectedFrame', (v) => v === null || typeof v === 'string'),
    ...pick('filterHost', (v) => typeof v === 'string'),
    ...pick('filterCategories', Array.isArray),
  };
}
