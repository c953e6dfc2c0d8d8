/**
 * The share string: everything a lab is, in a URL-safe text. v2 is `v2.` + lz-string's
 * URI-safe compression of a JSON object with short keys:
 *   l lab id · s seed · b bare (0/1) · n servers · c clients · g log rows [hostIndex, command, maxTimeUs?]
 *   k cursor [t, kind, ordinal] · la language · sc scheme
 * Any other top-level key is a later version's optional field: decoded into `extra` and written
 * back as it was. v1 strings (shareV1.ts) decode forever. Decoding never throws.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { LabCatalog } from './labHosts';
import { labHosts } from './labHosts';
import { cleanData, FORBIDDEN_KEYS, isIntIn, isPlainObject } from './plainData';
import { decodeV1, parseRows } from './shareV1';
import type { ShareState } from './shareTypes';
import { DEFAULT_CLIENTS, DEFAULT_SERVERS, MAX_KIND_CHARS } from './shareTypes';
import type { StableCursor } from './stableCursor';
import type { Lang, SchemeName } from './urlParams';
import {
  CLIENTS_MAX,
  CLIENTS_MIN,
  LANGS,
  SCHEMES,
  SEED_MAX,
  SERVERS_MAX,
  SERVERS_MIN,
  STATE_MAX_CHARS,
} from './urlParams';
import type { LabId } from '@/engine';

export type { ShareState, ShareLogEntry } from './shareTypes';
export type { StableCursor } from './stableCursor';
export type { LabCatalog } from './labHosts';

/**
 * Compressed v2 text beyond this is refused: lz-string output grows up to quadratically with its
 * input, and 10,000 characters (some 500 typed commands) already decompress in under a second.
 */
export const V2_MAX_CHARS = 10_000;
/** Decompressed JSON beyond this is refused. */
export const V2_MAX_JSON_CHARS = 1_000_000;

const KNOWN_KEYS: ReadonlySet<string> = new Set(['l', 's', 'b', 'n', 'c', 'g', 'k', 'la', 'sc']);

export function encodeShare(s: ShareState, catalog: LabCatalog): string {
  const hosts = labHosts(catalog, s.labId, s.servers, s.clients);
  if (!hosts) throw new RangeError(`unknown lab '${s.labId}'`);
  const g = s.log.map((e) => {
    const i = hosts.indexOf(e.host);
    if (i < 0) throw new RangeError(`host '${e.host}' is not in lab '${s.labId}'`);
    return e.maxTimeUs === undefined ? [i, e.command] : [i, e.command, e.maxTimeUs];
  });
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s.extra ?? {}))
    if (!KNOWN_KEYS.has(k) && !FORBIDDEN_KEYS.has(k)) o[k] = v;
  Object.assign(o, { l: s.labId, s: s.seed, b: s.bare ? 1 : 0, n: s.servers, c: s.clients, g });
  if (s.cursor) o.k = [s.cursor.t, s.cursor.kind, s.cursor.ordinal];
  if (s.lang) o.la = s.lang;
  if (s.scheme) o.sc = s.scheme;
  return `v2.${compressToEncodedURIComponent(JSON.stringify(o))}`;
}

function cursorOf(v: unknown): StableCursor | undefined {
  if (!Array.isArray(v) || v.length !== 3) return undefined;
  const [t, kind, ordinal] = v as unknown[];
  if (!isIntIn(t, 0, Number.MAX_SAFE_INTEGER) || !isIntIn(ordinal, 0, Number.MAX_SAFE_INTEGER))
    return undefined;
  if (typeof kind !== 'string' || kind.length > MAX_KIND_CHARS || !/^[A-Za-z0-9._-]*$/.test(kind))
    return undefined;
  return { t, kind, ordinal };
}

function sizeOf(v: unknown, dflt: number, min: number, max: number): number | undefined {
  return v === undefined ? dflt : isIntIn(v, min, max) ? v : undefined;
}

function payloadOf(body: string): Record<string, unknown> | undefined {
  if (body.length === 0 || body.length > V2_MAX_CHARS || !/^[A-Za-z0-9+\-$ ]+$/.test(body)) return undefined;
  try {
    const json = decompressFromEncodedURIComponent(body);
    if (!json || json.length > V2_MAX_JSON_CHARS) return undefined;
    const o = JSON.parse(json) as unknown;
    return isPlainObject(o) ? o : undefined;
  } catch {
    return undefined;
  }
}

function decodeV2(body: string, catalog: LabCatalog): ShareState | undefined {
  const o = payloadOf(body);
  if (!o || typeof o.l !== 'string' || !isIntIn(o.s, 0, SEED_MAX) || (o.b !== 0 && o.b !== 1))
    return undefined;
  const servers = sizeOf(o.n, DEFAULT_SERVERS, SERVERS_MIN, SERVERS_MAX);
  const clients = sizeOf(o.c, DEFAULT_CLIENTS, CLIENTS_MIN, CLIENTS_MAX);
  if (servers === undefined || clients === undefined) return undefined;
  const hosts = labHosts(catalog, o.l, servers, clients);
  const log = hosts && parseRows(o.g ?? [], hosts, false);
  if (!log) return undefined;
  const s: ShareState = { labId: o.l as LabId, seed: o.s, bare: o.b === 1, servers, clients, log };
  const cursor = cursorOf(o.k);
  if (cursor) s.cursor = cursor;
  if ((LANGS as readonly unknown[]).includes(o.la)) s.lang = o.la as Lang;
  if ((SCHEMES as readonly unknown[]).includes(o.sc)) s.scheme = o.sc as SchemeName;
  const extra: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    if (KNOWN_KEYS.has(k) || FORBIDDEN_KEYS.has(k)) continue;
    const v = cleanData(o[k]);
    if (v !== undefined) extra[k] = v;
  }
  if (Object.keys(extra).length > 0) s.extra = extra;
  return s;
}

/** A v1 or v2 share string → the state it holds, or undefined for anything malformed. */
export function decodeShare(text: unknown, catalog: LabCatalog): ShareState | undefined {
  if (typeof text !== 'string' || text.length > STATE_MAX_CHARS) return undefined;
  const t = text.trim();
  try {
    if (t.startsWith('v2.')) return decodeV2(t.slice(3), catalog);
    if (t.startsWith('v1.')) return decodeV1(t, catalog);
  } catch {
    // A parser bug must not break the page: treat the text as malformed.
  }
  return undefined;
}
