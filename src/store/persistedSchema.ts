/**
 * What localStorage hands back is untrusted: an older version, a hand edit, another tab's
 * half-written value or a hostile page on the same origin may have put anything there. Every
 * persisted field is checked here with bounds before the store uses it, and each lab is checked
 * on its own, so one unreadable lab is set aside (for download) without losing the others.
 */
import * as v from 'valibot';
import { CLIENTS_MAX, CLIENTS_MIN, SEED_MAX, SERVERS_MAX, SERVERS_MIN } from '@/embed/urlParams';
import { isLabId, LAB_IDS, parseLab } from './labSpec';
import type { LogEntry } from './labSpec';
import type { PersistedState } from './persistence';

/**
 * Longest saved lab string: 1 Mi characters, a fifth of what a browser gives an origin, so four
 * labs fit; it also bounds the work of decoding one (checked before anything is decoded).
 */
export const MAX_LAB_CHARS = 1024 * 1024;
/** Commands in one lab's log; a class session types a few hundred. */
export const MAX_LOG_ENTRIES = 10_000;
/** One command line (a pasted script may be long; far above what a lab needs). */
export const MAX_COMMAND_CHARS = 64 * 1024;
/** A live command's recorded run time: 30 days of virtual time, far past any playback session. */
export const MAX_TIME_US = 30 * 24 * 3600 * 1_000_000;
/** Trace positions; −1 means "at the end". */
export const MAX_CURSOR = 2 ** 31 - 1;
const MAX_NAME_CHARS = 64;
const MAX_FRAME_CHARS = 256;

const int = (lo: number, hi: number) => v.pipe(v.number(), v.integer(), v.minValue(lo), v.maxValue(hi));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const logEntrySchema = v.object({
  host: text(MAX_NAME_CHARS),
  command: text(MAX_COMMAND_CHARS),
  maxTimeUs: v.optional(int(0, MAX_TIME_US)),
});

export const logSchema = v.pipe(v.array(logEntrySchema), v.maxLength(MAX_LOG_ENTRIES));

/** One lab as saved: the v1 string, the cursor, and the size when it differs from the default. */
export const savedLabSchema = v.object({
  lab: text(MAX_LAB_CHARS),
  cursor: v.optional(int(-1, MAX_CURSOR), -1),
  servers: v.optional(int(SERVERS_MIN, SERVERS_MAX)),
  clients: v.optional(int(CLIENTS_MIN, CLIENTS_MAX)),
});
export interface ValidLab {
  lab: string;
  cursor: number;
  servers?: number;
  clients?: number;
}

const CATEGORIES = ['arp', 'tcp', 'ipvs', 'netfilter', 'drops', 'commands', 'other'] as const;

/** The preferences and views; each one that fails is simply left out (the default applies). */
export const prefSchemas = {
  language: v.picklist(['en', 'zh-CN']),
  scheme: v.picklist(['light', 'dark', 'projector']),
  speed: v.pipe(v.number(), v.finite(), v.minValue(0.01), v.maxValue(1000)),
  startPaused: v.boolean(),
  inspectorTab: v.picklist(['packet', 'hooks', 'scheduler', 'controls']),
  terminalHost: text(MAX_NAME_CHARS),
  selectedFrame: v.nullable(text(MAX_FRAME_CHARS)),
  selectedHost: v.nullable(text(MAX_NAME_CHARS)),
  filterHost: text(MAX_NAME_CHARS),
  filterCategories: v.pipe(v.array(v.picklist(CATEGORIES)), v.maxLength(CATEGORIES.length)),
} as const;

type Prefs = { -readonly [K in keyof typeof prefSchemas]?: v.InferOutput<(typeof prefSchemas)[K]> };

/** A lab that could not be read, kept as it was so the user can download it. */
export interface CorruptLab {
  /** The lab it claims to be (`unknown` when even that is unreadable). */
  labId: string;
  /** Where it was: the open lab or a kept session. */
  slot: 'current' | 'session';
  raw: unknown;
}

export interface ValidatedSave extends Prefs {
  /** The open lab (absent when there was none, or it was set aside). */
  current?: ValidLab & { labId: (typeof LAB_IDS)[number] };
  sessions: Partial<Record<(typeof LAB_IDS)[number], ValidLab>>;
  corrupt: CorruptLab[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Own property, never one inherited or named `__proto__`/`constructor`/`prototype`. */
function own(o: Record<string, unknown>, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/** The lab id a saved string names (`v1.<id>.…`), to say which lab was set aside. */
function claimedLab(raw: unknown): string {
  const lab = isRecord(raw) ? own(raw, 'lab') : undefined;
  const id = typeof lab === 'string' ? lab.slice(0, 16).split('.')[1] : undefined;
  return isLabId(id) ? id : 'unknown';
}

/** A saved lab checked field by field and its log decoded and bounded; undefined if any fails. */
export function validLab(raw: unknown): (ValidLab & { labId: (typeof LAB_IDS)[number] }) | undefined {
  if (!isRecord(raw)) return undefined;
  const picked = v.safeParse(savedLabSchema, {
    lab: own(raw, 'lab'),
    cursor: own(raw, 'cursor'),
    servers: own(raw, 'servers'),
    clients: own(raw, 'clients'),
  });
  if (!picked.success) return undefined;
  let spec;
  try {
    spec = parseLab(picked.output.lab);
  } catch {
    return undefined;
  }
  if (!spec || !Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > SEED_MAX) return undefined;
  if (!v.is(logSchema, spec.log satisfies readonly LogEntry[])) return undefined;
  const out: ValidLab & { labId: (typeof LAB_IDS)[number] } = {
    labId: spec.labId,
    lab: picked.output.lab,
    cursor: picked.output.cursor,
  };
  if (picked.output.servers !== undefined) out.servers = picked.output.servers;
  if (picked.output.clients !== undefined) out.clients = picked.output.clients;
  return out;
}

/** Check a whole save (zustand's `state` object); never throws, whatever it is given. */
export function validatePersisted(raw: unknown): ValidatedSave {
  const out: ValidatedSave = { sessions: {}, corrupt: [] };
  if (!isRecord(raw)) return out;
  if (own(raw, 'lab') !== undefined) {
    const cur = validLab(raw);
    if (cur) out.current = cur;
    else out.corrupt.push({ labId: claimedLab(raw), slot: 'current', raw: pickLab(raw) });
  }
  const sessions = own(raw, 'sessions');
  if (isRecord(sessions)) {
    for (const id of LAB_IDS) {
      const s = own(sessions, id);
      if (s === undefined) continue;
      const lab = validLab(s);
      if (lab && lab.labId === id) {
        const { labId: _id, ...rest } = lab;
        out.sessions[id] = rest;
      } else out.corrupt.push({ labId: id, slot: 'session', raw: s });
    }
  }
  for (const key of Object.keys(prefSchemas) as (keyof typeof prefSchemas)[]) {
    const r = v.safeParse(prefSchemas[key], own(raw, key));
    if (r.success) (out as unknown as Record<string, unknown>)[key] = r.output;
  }
  if (out.filterCategories) out.filterCategories = [...new Set(out.filterCategories)];
  return out;
}

/** The open lab's own fields of a save (what is set aside when it is unreadable). */
function pickLab(raw: Record<string, unknown>): Record<string, unknown> {
  const lab: Record<string, unknown> = {};
  for (const k of ['lab', 'cursor', 'servers', 'clients'])
    if (own(raw, k) !== undefined) lab[k] = own(raw, k);
  return lab;
}

/** The checked save in the shape persistence.ts reads (fields that failed are absent). */
export function asPersisted(valid: ValidatedSave): Partial<PersistedState> {
  const { current, sessions, corrupt: _c, ...prefs } = valid;
  const out: Partial<PersistedState> = { ...prefs, sessions: sessions as Record<string, ValidLab> };
  if (current) {
    const { labId: _id, ...lab } = current;
    Object.assign(out, lab);
  }
  return out;
}
