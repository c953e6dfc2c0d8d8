/**
 * Today's (v1) share strings, `v1.<lab>.<seed>.<bare>[.<base64url JSON rows>]`, as the store's
 * serializeLab writes them. They keep loading forever; nothing writes them any more here.
 */
import type { LabCatalog } from './labHosts';
import { labHosts } from './labHosts';
import { isIntIn } from './plainData';
import type { ShareLogEntry, ShareState } from './shareTypes';
import { DEFAULT_CLIENTS, DEFAULT_SERVERS, MAX_COMMAND_CHARS, MAX_LOG_ENTRIES } from './shareTypes';
import { SEED_MAX } from './urlParams';
import type { LabId } from '@/engine';

function fromBase64Url(s: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return undefined;
  try {
    const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A log row `[hostIndex | hostName, command, maxTimeUs?]`, or undefined if malformed. */
export function parseRow(
  r: unknown,
  hosts: readonly string[],
  nameAllowed: boolean,
): ShareLogEntry | undefined {
  if (!Array.isArray(r) || r.length < 2 || r.length > 3) return undefined;
  const [h, command, max] = r as unknown[];
  let host: string | undefined;
  if (isIntIn(h, 0, hosts.length - 1)) host = hosts[h];
  else if (nameAllowed && typeof h === 'string' && hosts.includes(h)) host = h;
  if (host === undefined || typeof command !== 'string' || command.length > MAX_COMMAND_CHARS)
    return undefined;
  const entry: ShareLogEntry = { host, command };
  if (max !== undefined && max !== null) {
    if (!isIntIn(max, 0, Number.MAX_SAFE_INTEGER)) return undefined;
    entry.maxTimeUs = max;
  }
  return entry;
}

export function parseRows(
  rows: unknown,
  hosts: readonly string[],
  nameAllowed: boolean,
): ShareLogEntry[] | undefined {
  if (!Array.isArray(rows) || rows.length > MAX_LOG_ENTRIES) return undefined;
  const log: ShareLogEntry[] = [];
  for (const r of rows) {
    const e = parseRow(r, hosts, nameAllowed);
    if (!e) return undefined;
    log.push(e);
  }
  return log;
}

export function decodeV1(text: string, catalog: LabCatalog): ShareState | undefined {
  const parts = text.split('.');
  if (parts.length < 4 || parts.length > 5 || parts[0] !== 'v1') return undefined;
  const [, labId, seedText, bareText, body] = parts as [string, string, string, string, string?];
  const hosts = labHosts(catalog, labId, DEFAULT_SERVERS, DEFAULT_CLIENTS);
  if (!hosts || !/^\d{1,10}$/.test(seedText) || (bareText !== '0' && bareText !== '1')) return undefined;
  const seed = Number(seedText);
  if (!isIntIn(seed, 0, SEED_MAX)) return undefined;
  let log: ShareLogEntry[] = [];
  if (body !== undefined && body !== '') {
    const json = fromBase64Url(body);
    if (json === undefined) return undefined;
    let rows: unknown;
    try {
      rows = JSON.parse(json);
    } catch {
      return undefined;
    }
    const parsed = parseRows(rows, hosts, true);
    if (!parsed) return undefined;
    log = parsed;
  }
  return {
    labId: labId as LabId,
    seed,
    bare: bareText === '1',
    servers: DEFAULT_SERVERS,
    clients: DEFAULT_CLIENTS,
    log,
  };
}
