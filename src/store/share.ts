import type { TraceLog } from '@/engine';
import { catalogFromEngine } from '@/embed/labHosts';
import type { LabCatalog } from '@/embed/labHosts';
import { decodeShare, encodeShare } from '@/embed/shareString';
import type { ShareState, StableCursor } from '@/embed/shareString';
import { cursorAtOrAfter, cursorToStable, stableToCursor } from '@/embed/stableCursor';
import { engine } from './engine';
import { sizeOf, withSize } from './labSpec';
import type { LabSpec } from './labSpec';
import type { Language, Scheme } from './types';

let catalog: LabCatalog | undefined;

/** The engine's labs as the share string numbers their hosts. */
export function labCatalog(): LabCatalog {
  catalog ??= catalogFromEngine(engine());
  return catalog;
}

/** A lab as a share link carries it: the spec, where playback stands, and how it looked. */
export interface SharedLab {
  spec: LabSpec;
  cursor?: StableCursor;
  language?: Language;
  scheme?: Scheme;
  extra?: Record<string, unknown>;
}

/** The v2 share string of a lab; the cursor is left out when it is at the end of the trace. */
export function encodeLab(
  spec: LabSpec,
  view: {
    cursor: number;
    trace: TraceLog;
    language?: Language;
    scheme?: Scheme;
    extra?: Record<string, unknown> | undefined;
  },
): string {
  const s: ShareState = {
    labId: spec.labId,
    seed: spec.seed,
    bare: spec.bare,
    ...sizeOf(spec),
    log: spec.log.map((e) => ({ ...e })),
  };
  if (view.cursor < view.trace.length) s.cursor = cursorToStable(view.trace, view.cursor);
  if (view.language) s.lang = view.language;
  if (view.scheme) s.scheme = view.scheme;
  if (view.extra) s.extra = view.extra;
  return encodeShare(s, labCatalog());
}

/** A share string (v1 or v2) back as a lab; undefined for anything it cannot trust. */
export function decodeLab(text: string): SharedLab | undefined {
  const s = decodeShare(text, labCatalog());
  if (!s) return undefined;
  const spec = withSize({ labId: s.labId, seed: s.seed, bare: s.bare, log: s.log }, s.servers, s.clients);
  return {
    spec,
    ...(s.cursor ? { cursor: s.cursor } : {}),
    ...(s.lang ? { language: s.lang } : {}),
    ...(s.scheme ? { scheme: s.scheme } : {}),
    ...(s.extra ? { extra: s.extra } : {}),
  };
}

/** Where a link puts the cursor: its stable cursor, else `at`, else `step`, else the end. */
export function linkCursor(
  trace: TraceLog,
  where: { cursor?: StableCursor | undefined; at?: number | undefined; step?: number | undefined },
): number {
  if (where.cursor) return stableToCursor(trace, where.cursor);
  if (where.at !== undefined) return cursorAtOrAfter(trace, where.at);
  if (where.step !== undefined) return Math.min(where.step, trace.length);
  return trace.length;
}

/**
 * The part of a shared log that names hosts of the lab at its size: a hand-edited or corrupt
 * link may name rs3 in a two-server lab, and those commands are left out (and counted).
 */
export function runnableSpec(spec: LabSpec): { spec: LabSpec; dropped: number } {
  const hosts = new Set(
    engine()
      .getLab(spec.labId, sizeOf(spec))
      ?.hosts.map((h) => h.name) ?? [],
  );
  const log = spec.log.filter((e) => hosts.has(e.host));
  return {
    spec: log.length === spec.log.length ? spec : { ...spec, log },
    dropped: spec.log.length - log.length,
  };
}
