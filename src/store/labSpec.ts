import { engine } from './engine';
import type { LabId } from '@/engine';

/** One command of a lab's log: what was typed, on which host. */
export interface LogEntry {
  host: string;
  command: string;
  /** Virtual microseconds after which the command is interrupted (as Ctrl-C would). */
  maxTimeUs?: number;
}

/**
 * Everything a lab session is: which lab, the seed, bare or configured, and the ordered
 * commands the user ran. The engine state, the trace and every view derive from it.
 */
export interface LabSpec {
  labId: LabId;
  seed: number;
  bare: boolean;
  /** Lab size (real servers, clients); absent means the default 2 and 1. */
  servers?: number;
  clients?: number;
  log: readonly LogEntry[];
}

export const DEFAULT_SERVERS = 2;
export const DEFAULT_CLIENTS = 1;

/** The lab size a spec asks for, defaults filled in. */
export function sizeOf(spec: { servers?: number | undefined; clients?: number | undefined }): {
  servers: number;
  clients: number;
} {
  return { servers: spec.servers ?? DEFAULT_SERVERS, clients: spec.clients ?? DEFAULT_CLIENTS };
}

/** Same lab, seed, start, size and command log: the same work. */
export function sameWork(a: LabSpec, b: LabSpec): boolean {
  const sa = sizeOf(a);
  const sb = sizeOf(b);
  return (
    a.labId === b.labId &&
    a.seed === b.seed &&
    a.bare === b.bare &&
    sa.servers === sb.servers &&
    sa.clients === sb.clients &&
    a.log.length === b.log.length &&
    a.log.every((e, i) => {
      const f = b.log[i]!;
      return e.host === f.host && e.command === f.command && e.maxTimeUs === f.maxTimeUs;
    })
  );
}

export const LAB_IDS: readonly LabId[] = ['nat', 'dr', 'tun'];

export function isLabId(s: unknown): s is LabId {
  return typeof s === 'string' && (LAB_IDS as readonly string[]).includes(s);
}

export function emptySpec(labId: LabId, seed = 1, bare = false): LabSpec {
  return { labId, seed, bare, log: [] };
}

/** A spec with its size fields present only when they differ from the defaults. */
export function withSize(spec: LabSpec, servers?: number, clients?: number): LabSpec {
  const { servers: _s, clients: _c, ...rest } = spec;
  const out: LabSpec = { ...rest };
  if (servers !== undefined && servers !== DEFAULT_SERVERS) out.servers = servers;
  if (clients !== undefined && clients !== DEFAULT_CLIENTS) out.clients = clients;
  return out;
}

const VERSION = 'v1';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * A compact, URL-safe string: `v1.dr.1.0.<base64url of [[hostIndex, command, maxTimeUs?], …]>`.
 * Hosts are stored by their position in the lab's host list.
 */
const serialized = new WeakMap<LabSpec, string>();

export function serializeLab(spec: LabSpec): string {
  const hit = serialized.get(spec);
  if (hit !== undefined) return hit;
  const text = encodeLab(spec);
  serialized.set(spec, text);
  return text;
}

function encodeLab(spec: LabSpec): string {
  const def = engine().getLab(spec.labId);
  const hosts = def?.hosts.map((h) => h.name) ?? [];
  const rows = spec.log.map((e) => {
    const i = hosts.indexOf(e.host);
    const row: (number | string)[] = [i >= 0 ? i : e.host, e.command];
    if (e.maxTimeUs !== undefined) row.push(e.maxTimeUs);
    return row;
  });
  const head = `${VERSION}.${spec.labId}.${spec.seed}.${spec.bare ? 1 : 0}`;
  return rows.length === 0 ? head : `${head}.${toBase64Url(JSON.stringify(rows))}`;
}

/** The inverse of serializeLab; undefined for anything malformed. */
export function parseLab(s: string): LabSpec | undefined {
  const parts = s.split('.');
  const [version, labId, seedText, bareText, body] = parts;
  if (version !== VERSION || !isLabId(labId) || parts.length > 5) return undefined;
  const seed = Number(seedText);
  if (!Number.isInteger(seed) || (bareText !== '0' && bareText !== '1')) return undefined;
  const hosts =
    engine()
      .getLab(labId)
      ?.hosts.map((h) => h.name) ?? [];
  let log: LogEntry[] = [];
  if (body) {
    try {
      const rows = JSON.parse(fromBase64Url(body)) as unknown;
      if (!Array.isArray(rows)) return undefined;
      log = rows.map((r) => parseRow(r, hosts));
    } catch {
      return undefined;
    }
  }
  return { labId, seed, bare: bareText === '1', log };
}

function parseRow(r: unknown, hosts: string[]): LogEntry {
  if (!Array.isArray(r) || typeof r[1] !== 'string') throw new Error('bad row');
  const host = typeof r[0] === 'number' ? hosts[r[0]] : r[0];
  if (typeof host !== 'string' || !hosts.includes(host)) throw new Error('bad host');
  const entry: LogEntry = { host, command: r[1] };
  if (typeof r[2] === 'number') entry.maxTimeUs = r[2];
  return entry;
}
