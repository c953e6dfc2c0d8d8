/** URL handling of curl 7.29: scheme guessing, host and port checks, name lookup in /etc/hosts. */
import { inetAton } from '../common/inet';

export interface CurlTarget {
  /** Host as typed (the Host header and messages use it). */
  host: string;
  port: number;
  path: string;
  https: boolean;
}

export type UrlResult = { ok: true; target: CurlTarget } | { ok: false; exit: number; error: string };

/**
 * URLs parsed lately: a loop of `curl -s VIP` parses the same text every request. A memo of a pure
 * function (its results frozen: shared, never changed), bounded: emptied when full.
 */
const parsed = new Map<string, UrlResult>();
const PARSED_MAX = 64;

/** Parse one URL; errors are curl's `(N) message` pairs. */
export function parseUrl(raw: string): UrlResult {
  let r = parsed.get(raw);
  if (r === undefined) {
    r = parse(raw);
    if (r.ok) Object.freeze(r.target);
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(raw, Object.freeze(r));
  }
  return r;
}

function parse(raw: string): UrlResult {
  let rest = raw;
  let https = false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (scheme) {
    const s = (scheme[1] ?? '').toLowerCase();
    if (s !== 'http' && s !== 'https')
      return {
        ok: false,
        exit: 1,
        error: `Protocol ${scheme[1] ?? ''} not supported or disabled in libcurl`,
      };
    https = s === 'https';
    rest = rest.slice(scheme[0].length);
  }
  const cut = rest.search(/[/?#]/);
  const authority = cut < 0 ? rest : rest.slice(0, cut);
  let path = cut < 0 ? '/' : rest.slice(cut);
  if (path.startsWith('?')) path = '/' + path;
  path = path.split('#')[0] ?? '/';
  if (path === '') path = '/';
  const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
  const colon = hostPort.lastIndexOf(':');
  const host = colon < 0 ? hostPort : hostPort.slice(0, colon);
  const portText = colon < 0 ? '' : hostPort.slice(colon + 1);
  if (host === '') return { ok: false, exit: 3, error: '<url> malformed' };
  let port = https ? 443 : 80;
  if (portText !== '') {
    const m = /^\d+/.exec(portText);
    if (!m || m[0].length !== portText.length)
      return {
        ok: false,
        exit: 3,
        error: `Port number ended with '${portText.slice(m ? m[0].length : 0, (m ? m[0].length : 0) + 1)}'`,
      };
    port = Number(portText);
    if (port > 65535) return { ok: false, exit: 3, error: `Port number too large: ${portText}` };
  }
  return { ok: true, target: { host, port, path, https } };
}

/**
 * getaddrinfo as the lab has it: numeric forms, then /etc/hosts (there is no DNS). `etcHosts`
 * reads the file, and is called only when the name is not numeric, as glibc opens it only then.
 */
export function resolveHost(host: string, etcHosts: () => string | undefined): string | undefined {
  const numeric = inetAton(host);
  if (numeric !== undefined) return numeric;
  for (const line of (etcHosts() ?? '').split('\n')) {
    const words = (line.split('#')[0] ?? '').trim().split(/\s+/);
    const ip = words[0];
    if (ip === undefined || !words.slice(1).includes(host)) continue;
    const v4 = inetAton(ip);
    if (v4 !== undefined && ip.includes('.')) return v4;
  }
  return undefined;
}
