import { cancelTimer } from '../core/eventQueue';
import type { QueuedEvent } from '../core/eventQueue';
import { utf8Length } from '../packet/bytes';
import { fixedKind } from '../core/traceFixed';
import type { Ipv4 } from '../packet/types';
import type { Host } from '../stack/host';
import type { TcpSock } from '../stack/tcpSock';
import { SOCK_ERROR_TEXT } from '../stack/sockErrorText';
import type { BindTo } from '../stack/socketTypes';
import type { SockError, TcpCallbacks } from '../stack/tcpTypes';

/** curl finished: its exit code and the HTTP status it got, if any. */
export interface CurlExitEvent {
  kind: 'app';
  host: string;
  app: 'curl';
  event: 'exit';
  exit: number;
  status: number | null;
}

/** Pushed as its values (traceFixed.ts): one per request, no event object for it. */
const CURL_EXIT = fixedKind<CurlExitEvent>()('app', ['host', 'app', 'event', 'exit', 'status']);

export interface CurlRequest {
  ip: Ipv4;
  port: number;
  /** Host header as typed (name or address, with :port when not 80). */
  hostHeader: string;
  path: string;
  method: 'GET' | 'HEAD';
  /** -m / --max-time, microseconds. */
  maxTimeUs?: number | undefined;
  /** --connect-timeout, microseconds: give up when the handshake takes longer. */
  connectTimeoutUs?: number | undefined;
  /** -H lines: they replace curl's own header of the same name; `Name:` alone removes it. */
  headers?: readonly string[] | undefined;
  /** --interface / --local-port: bind() before connect(). */
  bind?: BindTo | undefined;
}

/** The request as curl 7.29 writes it: its own headers, then -H ones; -H replaces or drops. */
export function requestHead(req: Pick<CurlRequest, 'method' | 'path' | 'hostHeader' | 'headers'>): string[] {
  const custom = req.headers ?? [];
  // No -H (the usual case): curl's own three headers, without the override bookkeeping.
  if (custom.length === 0)
    return [
      `${req.method} ${req.path} HTTP/1.1`,
      'User-Agent: curl/7.29.0',
      `Host: ${req.hostHeader}`,
      'Accept: */*',
    ];
  const name = (h: string): string => (/^([^:;]*)[:;]/.exec(h)?.[1] ?? h).trim().toLowerCase();
  const overridden = new Set(custom.map(name));
  const own = [`User-Agent: curl/7.29.0`, `Host: ${req.hostHeader}`, 'Accept: */*'].filter(
    (h) => !overridden.has(name(h)),
  );
  const extra = custom.flatMap((h) => {
    if (/^[^:;]+:\s*$/.test(h)) return []; // `Name:` removes the header
    const semi = /^([^:;]+);\s*$/.exec(h);
    return semi ? [`${semi[1]}:`] : [h];
  });
  return [`${req.method} ${req.path} HTTP/1.1`, ...own, ...extra];
}

/** The request as sent: requestHead's lines, CRLF-ended, and the blank line. */
export function requestText(req: Pick<CurlRequest, 'method' | 'path' | 'hostHeader' | 'headers'>): string {
  // No -H: one string, not the lines joined; the last one again when the line is the same.
  if (req.headers === undefined || req.headers.length === 0) {
    const last = lastPlain;
    if (req.method === last.method && req.path === last.path && req.hostHeader === last.hostHeader)
      return last.text;
    const text = `${req.method} ${req.path} HTTP/1.1\r\nUser-Agent: curl/7.29.0\r\nHost: ${req.hostHeader}\r\nAccept: */*\r\n\r\n`;
    lastPlain = { method: req.method, path: req.path, hostHeader: req.hostHeader, text };
    return text;
  }
  return `${requestHead(req).join('\r\n')}\r\n\r\n`;
}

/**
 * The last request without -H and its text (a pure function of the three): a lab's runner sends
 * the same request again and again, and one string object is measured once (utf8.ts's memo
 * compares by pointer first) and built once.
 */
let lastPlain = { method: '', path: '', hostHeader: '', text: '' };

/** `Content-Length:` of a response head (the first, any case), as `/\r\ncontent-length:\s*(\d+)/i` finds it. */
const CONTENT_LENGTH = /\r\ncontent-length:\s*\d/i;
const SPACE = /\s/;

export function contentLength(headers: string): number | undefined {
  // search gives the place without a match array; the digits are read from there.
  let i = headers.search(CONTENT_LENGTH);
  if (i < 0) return undefined;
  i += '\r\ncontent-length:'.length;
  while (SPACE.test(headers[i]!)) i++;
  let j = i;
  while (j < headers.length && headers.charCodeAt(j) >= 48 && headers.charCodeAt(j) <= 57) j++;
  return Number(headers.slice(i, j));
}

/** The status code of `HTTP/1.x NNN` at the start of a response head, else 0. */
export function statusOf(headers: string): number {
  if (!headers.startsWith('HTTP/1.') || (headers[7] !== '0' && headers[7] !== '1') || headers[8] !== ' ')
    return 0;
  for (let k = 9; k < 12; k++) {
    const c = headers.charCodeAt(k);
    if (!(c >= 48 && c <= 57)) return 0;
  }
  return Number(headers.slice(9, 12));
}

export interface CurlResult {
  /** curl's exit status: 0, 7 (connect failed), 28 (timed out), 52, 56, 18. */
  exit: number;
  /** Response headers as received (for -I), and the body. */
  headers: string;
  body: string;
  /** curl's error line, without the `curl: (N) ` prefix the tool adds. */
  error?: string;
  status?: number;
  /** Virtual times (µs since start) of the connect and the first response byte; the local end. */
  connectUs?: number;
  firstByteUs?: number;
  local?: { ip: Ipv4; port: number };
  /** Bytes of the request sent. */
  requestBytes?: number;
}

export interface CurlHandle {
  readonly done: boolean;
  readonly result: CurlResult | undefined;
  /** Ctrl-C: close the connection and stop. */
  interrupt(): void;
}

/** The response head, parsed once it has all arrived. */
interface Head {
  headers: string;
  need: number | undefined;
  status: number;
}

/**
 * A running curl: its handle, and the socket's callbacks (TcpCallbacks) as its methods. A class,
 * not closures over startCurl's locals: a literal's accessors gave each request its own map in
 * old space pointing at the whole request, so every scavenge kept and promoted the finished
 * requests (docs/architecture.md, "Closures and young-generation GC"); and under tsx each named
 * closure (`const finish = …`) cost a defineProperty of its name per request.
 */
class CurlRun implements CurlHandle, TcpCallbacks {
  result: CurlResult | undefined = undefined;
  sock: TcpSock | undefined = undefined;
  private connected = false;
  private raw = '';
  timer: QueuedEvent | undefined = undefined;
  connectTimer: QueuedEvent | undefined = undefined;
  readonly times: Pick<CurlResult, 'connectUs' | 'firstByteUs' | 'local' | 'requestBytes'> = {};
  // The head is parsed once; the body is kept as chunks with a running byte count, so a large
  // download costs time linear in its size (joining and measuring per chunk was quadratic).
  private head: Head | undefined = undefined;
  /** The body while it is one chunk (a small reply: no list for it); then all chunks in `more`. */
  private bodyOne = '';
  private more: string[] | undefined = undefined;
  private bodyBytes = 0;

  constructor(
    private readonly host: Host,
    private readonly req: CurlRequest,
    readonly started: number,
  ) {}

  get done(): boolean {
    return this.result !== undefined;
  }

  /** Ctrl-C: close the connection and stop. */
  interrupt(): void {
    if (this.result) return;
    this.sock?.close();
    this.finish({ exit: 130, headers: '', body: '' });
  }

  finish(r: CurlResult): void {
    if (this.result) return;
    // `r` is made for this call: the times go onto it (as a spread would order them), no copy.
    this.result = Object.assign(r, this.times);
    cancelTimer(this.timer);
    cancelTimer(this.connectTimer);
    this.host.sim.emitFixed(CURL_EXIT, this.host.name, 'curl', 'exit', r.exit, r.status ?? null);
  }

  private take(data: string): void {
    if (this.head) {
      if (this.more !== undefined) this.more.push(data);
      else if (this.bodyOne === '') this.bodyOne = data;
      else this.more = [this.bodyOne, data];
      this.bodyBytes += utf8Length(data);
      return;
    }
    const raw = this.raw + data;
    const end = raw.indexOf('\r\n\r\n');
    if (end < 0) {
      this.raw = raw;
      return;
    }
    const headers = raw.slice(0, end + 4);
    const need = this.req.method === 'HEAD' ? 0 : contentLength(headers);
    this.head = { headers, need, status: statusOf(headers) };
    const rest = raw.slice(end + 4);
    this.raw = '';
    if (rest !== '') this.take(rest);
  }

  parsed():
    | { headers: string; body: string; bodyBytes: number; need: number | undefined; status: number }
    | undefined {
    const head = this.head;
    if (!head) return undefined;
    // Joined once: the chunks so far become the one chunk.
    let all = this.bodyOne;
    if (this.more !== undefined) {
      all = this.bodyOne = this.more.join('');
      this.more = undefined;
    }
    return {
      headers: head.headers,
      need: head.need,
      status: head.status,
      body: all,
      bodyBytes: this.bodyBytes,
    };
  }

  onConnect(): void {
    this.connected = true;
    cancelTimer(this.connectTimer);
    this.times.connectUs = this.host.sim.now - this.started;
    const text = requestText(this.req);
    this.times.requestBytes = utf8Length(text);
    this.sock?.send(text);
  }

  onData(data: string): void {
    if (this.times.firstByteUs === undefined) this.times.firstByteUs = this.host.sim.now - this.started;
    this.take(data);
    const head = this.head;
    if (head && head.need !== undefined && this.bodyBytes >= head.need) {
      const p = this.parsed()!;
      this.sock?.close();
      this.finish({ exit: 0, headers: p.headers, body: p.body, status: p.status });
    }
  }

  onEof(): void {
    const p = this.parsed();
    this.sock?.close();
    if (!p) this.finish({ exit: 52, headers: '', body: '', error: 'Empty reply from server' });
    else if (p.need !== undefined && p.bodyBytes < p.need) {
      this.finish({
        exit: 18,
        headers: p.headers,
        body: p.body,
        error: `transfer closed with ${p.need - p.bodyBytes} bytes remaining to read`,
        status: p.status,
      });
    } else this.finish({ exit: 0, headers: p.headers, body: p.body, status: p.status });
  }

  onError(err: SockError): void {
    const req = this.req;
    if (!this.connected)
      this.finish({
        exit: 7,
        headers: '',
        body: '',
        error: `Failed connect to ${req.hostHeader.includes(':') ? req.hostHeader : `${req.hostHeader}:${req.port}`}; ${SOCK_ERROR_TEXT[err]}`,
      });
    else this.finish({ exit: 56, headers: '', body: '', error: `Recv failure: ${SOCK_ERROR_TEXT[err]}` });
  }

  /** --connect-timeout ran out. */
  connectTimedOut(): void {
    if (this.connected) return;
    const ms = Math.floor((this.host.sim.now - this.started) / 1000);
    this.sock?.close();
    this.finish({
      exit: 28,
      headers: '',
      body: '',
      error: `Connection timed out after ${ms + 1} milliseconds`,
    });
  }

  /** -m ran out. */
  maxTimeReached(): void {
    const ms = Math.floor((this.host.sim.now - this.started) / 1000);
    const got = this.parsed();
    this.sock?.close();
    const error = this.connected
      ? `Operation timed out after ${ms} milliseconds with ${got ? got.bodyBytes : 0} out of ${got?.need ?? -1} bytes received`
      : `Connection timed out after ${ms + 1} milliseconds`;
    this.finish({ exit: 28, headers: got?.headers ?? '', body: got?.body ?? '', error });
  }
}

/** curl 7.29.0 (CentOS 7) over the simulated TCP stack: one request, one response. */
export function startCurl(host: Host, req: CurlRequest): CurlHandle {
  const run = new CurlRun(host, req, host.sim.now);
  const s = host.sockets.connect(req.ip, req.port, run, req.bind);
  if (typeof s === 'string') {
    run.finish({
      exit: 7,
      headers: '',
      body: '',
      error: `Failed to connect to ${req.ip}: ${SOCK_ERROR_TEXT[s]}`,
    });
  } else {
    run.sock = s;
    run.times.local = { ip: s.laddr, port: s.lport };
  }
  if (req.connectTimeoutUs !== undefined && !run.result) armConnectTimeout(host, run, req.connectTimeoutUs);
  if (req.maxTimeUs !== undefined && !run.result) armMaxTime(host, run, req.maxTimeUs);
  return run;
}

// The timers' closures are made here, not in startCurl: a closure over `run` there would have V8
// allocate its context on every request, timers or not.

function armConnectTimeout(host: Host, run: CurlRun, us: number): void {
  run.connectTimer = host.sim.after(us, 'curl-connect-timeout', () => run.connectTimedOut());
}

function armMaxTime(host: Host, run: CurlRun, us: number): void {
  run.timer = host.sim.after(us, 'curl-max-time', () => run.maxTimeReached());
}
