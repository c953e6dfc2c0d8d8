import { cancelTimer } from '../core/eventQueue';
import type { QueuedEvent } from '../core/eventQueue';
import { utf8Length } from '../packet/bytes';
import type { Ipv4 } from '../packet/types';
import type { Host } from '../stack/host';
import type { TcpSock } from '../stack/tcpSock';
import { SOCK_ERROR_TEXT } from '../stack/sockErrorText';
import type { BindTo } from '../stack/socketTable';

/** curl finished: its exit code and the HTTP status it got, if any. */
export interface CurlExitEvent {
  kind: 'app';
  host: string;
  app: 'curl';
  event: 'exit';
  exit: number;
  status: number | null;
}

export interface CurlRequest {
  ip: Ipv4;
  port: number;
  /** Host header as typed (name or address, with :port when not 80). */
  hostHeader: string;
  path: string;
  method: 'GET' | 'HEAD';
  /** -m / --max-time, microseconds. */
  maxTimeUs?: number;
  /** --connect-timeout, microseconds: give up when the handshake takes longer. */
  connectTimeoutUs?: number;
  /** -H lines: they replace curl's own header of the same name; `Name:` alone removes it. */
  headers?: readonly string[];
  /** --interface / --local-port: bind() before connect(). */
  bind?: BindTo;
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

/**
 * A running curl's handle: a class, not a literal with getters. A literal's accessors give each
 * request its own map in old space, pointing at closures over the whole request, so every
 * scavenge kept and promoted the finished requests (docs/architecture.md, "Closures and
 * young-generation GC").
 */
class CurlRun implements CurlHandle {
  result: CurlResult | undefined;
  private readonly stop: () => void;
  constructor(stop: () => void) {
    this.result = undefined;
    this.stop = stop;
  }

  get done(): boolean {
    return this.result !== undefined;
  }

  interrupt(): void {
    if (!this.result) this.stop();
  }
}

/** curl 7.29.0 (CentOS 7) over the simulated TCP stack: one request, one response. */
export function startCurl(host: Host, req: CurlRequest): CurlHandle {
  const started = host.sim.now;
  const run = new CurlRun(() => {
    sock?.close();
    finish({ exit: 130, headers: '', body: '' });
  });
  let sock: TcpSock | undefined;
  let connected = false;
  let raw = '';
  let timer: QueuedEvent | undefined;
  let connectTimer: QueuedEvent | undefined;
  const times: Pick<CurlResult, 'connectUs' | 'firstByteUs' | 'local' | 'requestBytes'> = {};
  const finish = (r: CurlResult): void => {
    if (run.result) return;
    // `r` is made for this call: the times go onto it (as a spread would order them), no copy.
    run.result = Object.assign(r, times);
    cancelTimer(timer);
    cancelTimer(connectTimer);
    host.sim.emit({
      kind: 'app',
      host: host.name,
      app: 'curl',
      event: 'exit',
      exit: r.exit,
      status: r.status ?? null,
    });
  };
  // The head is parsed once; the body is kept as chunks with a running byte count, so a large
  // download costs time linear in its size (joining and measuring per chunk was quadratic).
  let head: { headers: string; need: number | undefined; status: number } | undefined;
  const body: string[] = [];
  let bodyBytes = 0;
  const take = (data: string): void => {
    if (head) {
      body.push(data);
      bodyBytes += utf8Length(data);
      return;
    }
    raw += data;
    const end = raw.indexOf('\r\n\r\n');
    if (end < 0) return;
    const headers = raw.slice(0, end + 4);
    const m = /\r\ncontent-length:\s*(\d+)/i.exec(headers);
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headers)?.[1] ?? 0);
    head = { headers, need: req.method === 'HEAD' ? 0 : m ? Number(m[1]) : undefined, status };
    const rest = raw.slice(end + 4);
    raw = '';
    if (rest !== '') take(rest);
  };
  const parsed = ():
    | { headers: string; body: string; bodyBytes: number; need: number | undefined; status: number }
    | undefined => {
    if (!head) return undefined;
    const all = body.join('');
    body.length = 0;
    if (all !== '') body.push(all);
    return { headers: head.headers, need: head.need, status: head.status, body: all, bodyBytes };
  };
  const s = host.sockets.connect(
    req.ip,
    req.port,
    {
      onConnect() {
        connected = true;
        cancelTimer(connectTimer);
        times.connectUs = host.sim.now - started;
        const text = `${requestHead(req).join('\r\n')}\r\n\r\n`;
        times.requestBytes = utf8Length(text);
        sock?.send(text);
      },
      onData(data) {
        if (times.firstByteUs === undefined) times.firstByteUs = host.sim.now - started;
        take(data);
        if (head && head.need !== undefined && bodyBytes >= head.need) {
          const p = parsed()!;
          sock?.close();
          finish({ exit: 0, headers: p.headers, body: p.body, status: p.status });
        }
      },
      onEof() {
        const p = parsed();
        sock?.close();
        if (!p) finish({ exit: 52, headers: '', body: '', error: 'Empty reply from server' });
        else if (p.need !== undefined && p.bodyBytes < p.need) {
          finish({
            exit: 18,
            headers: p.headers,
            body: p.body,
            error: `transfer closed with ${p.need - p.bodyBytes} bytes remaining to read`,
            status: p.status,
          });
        } else finish({ exit: 0, headers: p.headers, body: p.body, status: p.status });
      },
      onError(err) {
        if (!connected)
          finish({
            exit: 7,
            headers: '',
            body: '',
            error: `Failed connect to ${req.hostHeader.includes(':') ? req.hostHeader : `${req.hostHeader}:${req.port}`}; ${SOCK_ERROR_TEXT[err]}`,
          });
        else finish({ exit: 56, headers: '', body: '', error: `Recv failure: ${SOCK_ERROR_TEXT[err]}` });
      },
    },
    req.bind,
  );
  if (typeof s === 'string') {
    finish({
      exit: 7,
      headers: '',
      body: '',
      error: `Failed to connect to ${req.ip}: ${SOCK_ERROR_TEXT[s]}`,
    });
  } else {
    sock = s;
    times.local = { ip: s.laddr, port: s.lport };
  }
  if (req.connectTimeoutUs !== undefined && !run.result) {
    connectTimer = host.sim.after(req.connectTimeoutUs, 'curl-connect-timeout', () => {
      if (connected) return;
      const ms = Math.floor((host.sim.now - started) / 1000);
      sock?.close();
      finish({ exit: 28, headers: '', body: '', error: `Connection timed out after ${ms + 1} milliseconds` });
    });
  }
  if (req.maxTimeUs !== undefined && !run.result) {
    const limit = req.maxTimeUs;
    timer = host.sim.after(limit, 'curl-max-time', () => {
      const ms = Math.floor((host.sim.now - started) / 1000);
      const got = parsed();
      sock?.close();
      const error = connected
        ? `Operation timed out after ${ms} milliseconds with ${got ? got.bodyBytes : 0} out of ${got?.need ?? -1} bytes received`
        : `Connection timed out after ${ms + 1} milliseconds`;
      finish({ exit: 28, headers: got?.headers ?? '', body: got?.body ?? '', error });
    });
  }
  return run;
}
