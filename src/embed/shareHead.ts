/**
 * The lab a v2 share string names (id, size), read from the head of its text alone, so the page
 * can sketch the lab before the whole string is decoded. encodeShare writes a later version's keys,
 * then l s b n c, then the log (g): the head is the JSON up to `,"g":`. lz-string decodes one
 * phrase at a time, so only the first few phrases are decoded (a 100-command link: ~4% of it).
 * The full decode (decodeShare) stays the judge: undefined here means "ask it".
 */
import { isIntIn, isPlainObject } from './plainData';
import { DEFAULT_CLIENTS, DEFAULT_SERVERS } from './shareTypes';
import { CLIENTS_MAX, CLIENTS_MIN, SEED_MAX, SERVERS_MAX, SERVERS_MIN, STATE_MAX_CHARS } from './urlParams';

export interface ShareHead {
  labId: string;
  servers: number;
  clients: number;
}

/** lz-string's URI-safe alphabet: each character carries 6 bits. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const LOG_KEY = ',"g":';
/** Decoded text beyond this without the log's key: not a head worth reading early. */
const MAX_HEAD_CHARS = 4096;

/**
 * lz-string's decompressFromEncodedURIComponent, stopped once `done(text so far)` holds: the text
 * decoded by then, or undefined for a malformed or truncated stream.
 */
export function decompressHead(body: string, done: (text: string) => boolean): string | undefined {
  let index = 0;
  let val = 0;
  let position = 0;
  const bits = (n: number): number | undefined => {
    let out = 0;
    for (let i = 0; i < n; i++) {
      if (position === 0) {
        const ch = body[index++];
        if (ch === undefined) return undefined;
        val = ALPHABET.indexOf(ch === ' ' ? '+' : ch); // a space is a `+` a form decoded
        if (val < 0) return undefined;
        position = 32;
      }
      if (val & position) out |= 1 << i;
      position >>= 1;
    }
    return out;
  };
  const literal = (code: number | undefined): string | undefined => {
    const n = code === 0 ? bits(8) : code === 1 ? bits(16) : undefined;
    return n === undefined ? undefined : String.fromCharCode(n);
  };
  const dict: string[] = ['', '', ''];
  let numBits = 3;
  let enlargeIn = 4;
  const grow = () => {
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  };
  const first = literal(bits(2));
  if (first === undefined) return undefined;
  let w: string = first;
  dict.push(w);
  let text = w;
  while (!done(text)) {
    let c = bits(numBits);
    if (c === undefined) return undefined;
    if (c === 2) return text; // the end of the stream
    if (c < 2) {
      const ch = literal(c);
      if (ch === undefined) return undefined;
      dict.push(ch);
      c = dict.length - 1;
      grow();
    }
    const entry: string | undefined =
      c < dict.length ? dict[c] : c === dict.length ? w + w.charAt(0) : undefined;
    if (entry === undefined) return undefined;
    text += entry;
    dict.push(w + entry.charAt(0));
    grow();
    w = entry;
  }
  return text;
}

/** The lab and size a v2 share string names, or undefined when its head does not say plainly. */
export function shareHead(text: unknown): ShareHead | undefined {
  if (typeof text !== 'string' || text.length > STATE_MAX_CHARS) return undefined;
  const t = text.trim();
  if (!t.startsWith('v2.') || !/^[A-Za-z0-9+\-$ ]+$/.test(t.slice(3))) return undefined;
  const head = decompressHead(t.slice(3), (s) => s.includes(LOG_KEY) || s.length > MAX_HEAD_CHARS);
  if (head === undefined) return undefined;
  const at = head.indexOf(LOG_KEY);
  let o: unknown;
  try {
    o = JSON.parse(at < 0 ? head : `${head.slice(0, at)}}`);
  } catch {
    return undefined; // the key inside a string, say: the full decode knows
  }
  if (!isPlainObject(o) || typeof o.l !== 'string' || !isIntIn(o.s, 0, SEED_MAX)) return undefined;
  if (o.b !== 0 && o.b !== 1) return undefined;
  const servers = o.n === undefined ? DEFAULT_SERVERS : o.n;
  const clients = o.c === undefined ? DEFAULT_CLIENTS : o.c;
  if (!isIntIn(servers, SERVERS_MIN, SERVERS_MAX) || !isIntIn(clients, CLIENTS_MIN, CLIENTS_MAX))
    return undefined;
  return { labId: o.l, servers, clients };
}
