/**
 * One attempt of a checker against a real server, over the director's own TCP stack:
 * HTTP_GET's request (check_http.c REQUEST_TEMPLATE, HTTP/1.0) and TCP_CHECK's bare connect.
 * Each ends in a verdict and, on failure, the reason keepalived 1.3.5 prints before "server".
 */
import { cancelTimer } from '../../core/eventQueue';
import type { QueuedEvent } from '../../core/eventQueue';
import type { Host } from '../../stack/host';
import type { TcpSock } from '../../stack/tcpSock';
import type { Ipv4 } from '../../packet/types';
import { md5Hex } from '../md5';
import { utf8Length } from '../../packet/bytes';
import type { HttpUrl } from '../config/types';

export type HttpVerdict =
  | { ok: true; how: 'HTTP status code success to' | 'MD5 digest success to' | 'HTTP success to' }
  /** 1.3.5 quirk: a non-2xx answer with neither status_code nor digest changes nothing. */
  | { ok: 'neutral' }
  | { ok: false; reason: string };

interface Conn {
  host: Host;
  ip: Ipv4;
  port: number;
  timeoutUs: number;
}

function connectWithTimeout(
  c: Conn,
  handlers: { connected: (s: TcpSock) => void; data?: (d: string) => void; eof?: () => void },
  fail: (reason: 'Error connecting' | 'Timeout connecting' | 'Timeout read' | 'Read error with') => void,
): () => void {
  let sock: TcpSock | undefined;
  let connected = false;
  let over = false;
  const end = (): void => {
    over = true;
    cancelTimer(timer);
  };
  const timer: QueuedEvent = c.host.sim.after(c.timeoutUs, 'check-timeout', () => {
    if (over) return;
    over = true;
    sock?.abort();
    fail(connected ? 'Timeout read' : 'Timeout connecting');
  });
  const s = c.host.sockets.connect(c.ip, c.port, {
    onConnect() {
      connected = true;
      if (!over && sock) handlers.connected(sock);
    },
    onData(d) {
      if (!over) handlers.data?.(d);
    },
    onEof() {
      if (!over) handlers.eof?.();
    },
    onError() {
      if (over) return;
      end();
      fail(connected ? 'Read error with' : 'Error connecting');
    },
  });
  if (typeof s === 'string') {
    c.host.sim.after(0, 'check-fail', () => {
      if (over) return;
      end();
      fail('Error connecting');
    });
  } else sock = s;
  return end;
}

/** TCP_CHECK: connect, then close. */
export function tcpProbe(c: Conn, done: (ok: boolean, timeout: boolean) => void): void {
  const end = connectWithTimeout(
    c,
    {
      connected(s) {
        end();
        s.close();
        done(true, false);
      },
    },
    (why) => done(false, why === 'Timeout connecting'),
  );
}

function judge(url: HttpUrl, status: number, body: string): HttpVerdict {
  if (url.statusCode !== undefined && status !== url.statusCode)
    return { ok: false, reason: 'HTTP status code error to' };
  if (url.digest !== undefined && md5Hex(body) !== url.digest)
    return { ok: false, reason: 'MD5 digest error to' };
  if (url.statusCode !== undefined) return { ok: true, how: 'HTTP status code success to' };
  if (url.digest !== undefined) return { ok: true, how: 'MD5 digest success to' };
  return status >= 200 && status < 300 ? { ok: true, how: 'HTTP success to' } : { ok: 'neutral' };
}

export type HttpFetch = { status: number; body: string } | { error: string };

/** One HTTP/1.0 GET (check_http.c REQUEST_TEMPLATE): the whole answer, or keepalived's failure reason. */
export function httpFetch(
  c: Conn & { path: string; hostHeader: string },
  done: (r: HttpFetch) => void,
): void {
  let raw = '';
  let sock: TcpSock | undefined;
  const finish = (): void => {
    end();
    sock?.close();
    if (raw === '') {
      done({ error: 'Read, no data received from ' });
      return;
    }
    const head = raw.indexOf('\r\n\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
    done({ status, body: head < 0 ? '' : raw.slice(head + 4) });
  };
  const complete = (): boolean => {
    const head = raw.indexOf('\r\n\r\n');
    const len = /\r\ncontent-length:\s*(\d+)/i.exec(raw.slice(0, head));
    return head >= 0 && len !== null && utf8Length(raw.slice(head + 4)) >= Number(len[1]);
  };
  const end = connectWithTimeout(
    c,
    {
      connected(s) {
        sock = s;
        s.send(`GET ${c.path} HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: ${c.hostHeader}\r\n\r\n`);
      },
      data(d) {
        raw += d;
        if (complete()) finish();
      },
      eof: finish,
    },
    (why) =>
      done({
        error: why === 'Timeout read' ? 'Timeout HTTP read' : why,
      }),
  );
}

/** HTTP_GET for one url: fetch it, then judge the answer. */
export function httpProbe(
  c: Conn & { url: HttpUrl; hostHeader: string },
  done: (v: HttpVerdict) => void,
): void {
  httpFetch({ ...c, path: c.url.path ?? '/' }, (r) =>
    done('error' in r ? { ok: false, reason: r.error } : judge(c.url, r.status, r.body)),
  );
}
