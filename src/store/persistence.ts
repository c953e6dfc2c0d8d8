import { setAside } from './corruptSaves';
import { isLabId, parseLab, serializeLab, withSize } from './labSpec';
import type { LabId } from '@/engine';
import type { LabSpec } from './labSpec';
import { asPersisted, validatePersisted } from './persistedSchema';
import type { AppState, Session } from './types';

const INSPECTOR_TABS: readonly AppState['inspectorTab'][] = ['packet', 'hooks', 'scheduler', 'controls'];

/** What survives a reload: the lab as a compact string, the playback position, and preferences. */
/** A lab as saved: the v1 string (which has no lab size), the size beside it, the cursor. */
interface SavedLab {
  lab: string;
  cursor: number;
  servers?: number;
  clients?: number;
}

export interface PersistedState {
  lab: string;
  cursor: number;
  servers?: number;
  clients?: number;
  sessions: Record<string, SavedLab>;
  language: AppState['language'];
  scheme: AppState['scheme'];
  speed: number;
  startPaused: boolean;
  inspectorTab: AppState['inspectorTab'];
  terminalHost: string;
  selectedFrame: string | null;
  selectedHost: string | null;
  filterHost: string;
  filterCategories: AppState['filterCategories'];
}

function sizeFields(s: { servers?: number; clients?: number }): { servers?: number; clients?: number } {
  return {
    ...(s.servers !== undefined ? { servers: s.servers } : {}),
    ...(s.clients !== undefined ? { clients: s.clients } : {}),
  };
}

/** A saved lab back as a spec; the size only when it is a whole number in the contract's bounds. */
export function savedSpec(v: unknown): LabSpec | undefined {
  const o = (v ?? {}) as Partial<SavedLab>;
  const spec = typeof o.lab === 'string' ? parseLab(o.lab) : undefined;
  if (!spec) return undefined;
  const ok = (n: unknown, lo: number, hi: number) =>
    typeof n === 'number' && Number.isInteger(n) && n >= lo && n <= hi ? n : undefined;
  return withSize(spec, ok(o.servers, 2, 8), ok(o.clients, 1, 8));
}

/**
 * A saved session's lab in words, made once per session: partialize runs at every store change
 * (each animation frame while the clock moves), and a session is replaced, never changed, when
 * the student leaves its lab (labSlice's sessionOf copies its log).
 */
const sessionLabs = new WeakMap<Session, string>();

function sessionLab(labId: LabId, sess: Session): string {
  let text = sessionLabs.get(sess);
  if (text === undefined) {
    text = serializeLab({ labId, seed: sess.seed, bare: sess.bare, log: sess.log });
    sessionLabs.set(sess, text);
  }
  return text;
}

export function partialize(s: AppState): PersistedState {
  const sessions: PersistedState['sessions'] = {};
  for (const [id, sess] of Object.entries(s.sessions)) {
    if (!sess || !isLabId(id)) continue;
    sessions[id] = {
      lab: sessionLab(id, sess),
      cursor: sess.cursor,
      ...sizeFields(sess),
    };
  }
  return {
    lab: serializeLab(s.spec),
    cursor: s.cursor,
    ...sizeFields(s.spec),
    sessions,
    language: s.language,
    scheme: s.scheme,
    speed: s.speed,
    startPaused: s.startPaused,
    inspectorTab: s.inspectorTab,
    terminalHost: s.terminalHost,
    selectedFrame: s.selectedFrame,
    selectedHost: s.selectedHost,
    filterHost: s.filterHost,
    filterCategories: s.filterCategories,
  };
}

/**
 * Rebuild the store's state from what was saved; anything malformed is left at its default, and
 * an unreadable lab is set aside for download (persistedSchema.ts) while the others load.
 */
export function merge(persisted: unknown, current: AppState): AppState {
  const valid = validatePersisted(persisted);
  setAside(valid.corrupt);
  const p = asPersisted(valid);
  const spec = savedSpec(p);
  const sessions: AppState['sessions'] = {};
  for (const [id, v] of Object.entries(p.sessions ?? {})) {
    const sp = savedSpec(v);
    if (sp && isLabId(id) && sp.labId === id) {
      const { labId: _id, ...rest } = sp;
      sessions[id] = {
        ...rest,
        log: [...sp.log],
        cursor: typeof v.cursor === 'number' ? v.cursor : -1,
      } satisfies Session;
    }
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
    ...pick('inspectorTab', (v) => INSPECTOR_TABS.includes(v as AppState['inspectorTab'])),
    ...pick('terminalHost', (v) => typeof v === 'string'),
    ...pick('selectedFrame', (v) => v === null || typeof v === 'string'),
    ...pick('selectedHost', (v) => v === null || typeof v === 'string'),
    ...pick('filterHost', (v) => typeof v === 'string'),
    ...pick('filterCategories', Array.isArray),
  };
}
