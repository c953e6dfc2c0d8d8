/**
 * The URL parameters of the public embed contract (docs/embedding.md), parsed from a query
 * string and fragment. Pure and total: a malformed or out-of-range value is simply absent, so
 * the caller applies its default; nothing here throws, and nothing a URL holds is evaluated.
 */

export type View = 'lab' | 'compare';
export type Lang = 'en' | 'zh-CN';
export type SchemeName = 'light' | 'dark' | 'projector';
export type PanelName = 'packet' | 'hooks' | 'scheduler' | 'controls' | 'events' | 'terminal';

export const VIEWS: readonly View[] = ['lab', 'compare'];
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];
export const SCHEMES: readonly SchemeName[] = ['light', 'dark', 'projector'];
export const PANELS: readonly PanelName[] = [
  'packet',
  'hooks',
  'scheduler',
  'controls',
  'events',
  'terminal',
];
/** The labs every build has; pass the engine's list to parseUrlParams to accept later ones. */
export const DEFAULT_LAB_IDS: readonly string[] = ['nat', 'dr', 'tun'];

export const SEED_MAX = 2 ** 32 - 1;
export const SERVERS_MIN = 2;
export const SERVERS_MAX = 8;
export const CLIENTS_MIN = 1;
export const CLIENTS_MAX = 8;
export const SPEED_MIN = 0.1;
export const SPEED_MAX = 100;
/** A share string longer than this is refused before any decoding (see shareString.ts). */
export const STATE_MAX_CHARS = 65_536;

export interface UrlParams {
  view?: View;
  lab?: string;
  bare?: boolean;
  seed?: number;
  servers?: number;
  clients?: number;
  /** The share string (query `state=` or the fragment; the fragment wins). Not yet decoded. */
  state?: string;
  /** Virtual time, µs: the cursor goes on the first event at or after it. */
  at?: number;
  /** Cursor position: this many trace events have happened (clamped by the caller). */
  step?: number;
  lang?: Lang;
  scheme?: SchemeName;
  embed?: boolean;
  /** Embed mode's panels, in the order given, duplicates and unknown names dropped. */
  panels?: PanelName[];
  paused?: boolean;
  speed?: number;
  /** The parent page's origin for postMessage (scheme://host[:port]), normalised. */
  origin?: string;
  /** A shipped lesson's id (`lesson=`). */
  lesson?: string;
  /** A lesson file's URL (`lesson-url=`), as given: the player allows only its own origin. */
  lessonUrl?: string;
}

export interface ParseOptions {
  /** Lab ids to accept (default DEFAULT_LAB_IDS); give the engine's registry for later labs. */
  labs?: readonly string[];
}

function oneOf<T extends string>(list: readonly T[], v: string): T | undefined {
  return (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** A decimal integer within [min, max]; no signs, exponents, fractions or leading junk. */
function intIn(v: string, min: number, max: number): number | undefined {
  if (!/^\d{1,16}$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
}

function flag(v: string): boolean | undefined {
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return undefined;
}

function speedOf(v: string): number | undefined {
  if (!/^\d{1,4}(\.\d{1,6})?$/.test(v)) return undefined;
  const n = Number(v);
  return n >= SPEED_MIN && n <= SPEED_MAX ? n : undefined;
}

function langOf(v: string): Lang | undefined {
  return LANGS.find((l) => l.toLowerCase() === v.toLowerCase());
}

function panelsOf(v: string): PanelName[] | undefined {
  const out: PanelName[] = [];
  for (const part of v.split(',').slice(0, 32)) {
    const p = oneOf(PANELS, part.trim());
    if (p && !out.includes(p)) out.push(p);
  }
  return out.length > 0 ? out : undefined;
}

/** Only an http(s) origin, exactly as a browser spells it (`event.origin`); anything else is absent. */
export function originOf(v: string): string | undefined {
  if (v.length > 2048) return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (u.username || u.password) return undefined;
    return u.origin;
  } catch {
    return undefined;
  }
}

/** The share-state text: URL-safe characters only and bounded length. */
function stateOf(raw: string): string | undefined {
  // lz-string's URI alphabet has '+', which form decoding turns into a space.
  const v = raw.replace(/ /g, '+');
  if (v.length === 0 || v.length > STATE_MAX_CHARS) return undefined;
  return /^[A-Za-z0-9+\-_.$=]+$/.test(v) ? v : undefined;
}

/** A lesson URL as text: bounded, printable, no spaces; the player resolves and checks its origin. */
function lessonUrlOf(v: string): string | undefined {
  return v.length > 0 && v.length <= 2048 && /^[\x21-\x7e]+$/.test(v) ? v : undefined;
}

function searchParams(text: string): URLSearchParams {
  try {
    return new URLSearchParams(text.replace(/^[?#]/, ''));
  } catch {
    return new URLSearchParams();
  }
}

/** The share string in a fragment: `#state=<s>` or the bare `#v2.…` / `#v1.…`. */
function stateFromHash(hash: string): string | undefined {
  const h = hash.replace(/^#/, '');
  if (/^v\d+\./.test(h)) return stateOf(h);
  const v = searchParams(h).get('state');
  return v === null ? undefined : stateOf(v);
}

type Parser = (v: string, o: Required<ParseOptions>) => UrlParams[keyof UrlParams];

const PARSERS: Record<keyof UrlParams, Parser> = {
  view: (v) => oneOf(VIEWS, v),
  lab: (v, o) => (o.labs.includes(v) ? v : undefined),
  bare: flag,
  seed: (v) => intIn(v, 0, SEED_MAX),
  servers: (v) => intIn(v, SERVERS_MIN, SERVERS_MAX),
  clients: (v) => intIn(v, CLIENTS_MIN, CLIENTS_MAX),
  state: stateOf,
  at: (v) => intIn(v, 0, Number.MAX_SAFE_INTEGER),
  step: (v) => intIn(v, 0, Number.MAX_SAFE_INTEGER),
  lang: langOf,
  scheme: (v) => oneOf(SCHEMES, v),
  embed: flag,
  panels: panelsOf,
  paused: flag,
  speed: speedOf,
  origin: originOf,
  lesson: (v) => (/^[a-z0-9][a-z0-9-]{0,63}$/.test(v) ? v : undefined),
  lessonUrl: lessonUrlOf,
};

/** Parameters whose name in the URL is not their key. */
const URL_NAMES: Partial<Record<keyof UrlParams, string>> = { lessonUrl: 'lesson-url' };

/**
 * Parse `location.search` (and `location.hash` for the share state). The first occurrence of a
 * parameter counts; unknown parameters are ignored; a key is present only with a usable value.
 */
export function parseUrlParams(search: string, hash = '', opts: ParseOptions = {}): UrlParams {
  const o: Required<ParseOptions> = { labs: opts.labs ?? DEFAULT_LAB_IDS };
  const p: Record<string, unknown> = {};
  const q = searchParams(typeof search === 'string' ? search.slice(0, 200_000) : '');
  for (const [name, parse] of Object.entries(PARSERS)) {
    const v = q.get(URL_NAMES[name as keyof UrlParams] ?? name);
    const value = v === null ? undefined : parse(v, o);
    if (value !== undefined) p[name] = value;
  }
  const fromHash = typeof hash === 'string' ? stateFromHash(hash.slice(0, STATE_MAX_CHARS + 16)) : undefined;
  if (fromHash !== undefined) p.state = fromHash;
  return p as UrlParams;
}

const ORDER: readonly (keyof UrlParams)[] = [
  'view',
  'lab',
  'bare',
  'seed',
  'servers',
  'clients',
  'at',
  'step',
  'lang',
  'scheme',
  'embed',
  'panels',
  'paused',
  'speed',
  'origin',
  'lesson',
  'lessonUrl',
];

function valueText(v: unknown): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v)) return v.join(',');
  return String(v);
}

export interface FormatOptions {
  /** Where the share string goes: the fragment (default, never reaches server logs) or the query. */
  stateIn?: 'hash' | 'query';
}

/**
 * The inverse of parseUrlParams: `?lab=dr&lang=zh-CN#state=v2.…` (empty string for no
 * parameters). Only `bare`, `embed` and `paused` equal to true are written (their default is off).
 */
export function formatUrlParams(p: Partial<UrlParams>, opts: FormatOptions = {}): string {
  const q = new URLSearchParams();
  for (const k of ORDER) {
    const v = p[k];
    if (v === undefined || v === false || (Array.isArray(v) && v.length === 0)) continue;
    q.set(URL_NAMES[k] ?? k, valueText(v));
  }
  const inQuery = opts.stateIn === 'query' && p.state !== undefined;
  if (inQuery) q.set('state', p.state!);
  const query = q.toString().replace(/%2C/g, ',');
  const hash = p.state !== undefined && !inQuery ? `#state=${p.state}` : '';
  return (query ? `?${query}` : '') + hash;
}
