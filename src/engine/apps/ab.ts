import { utf8Length } from '../packet/bytes';
import type { Ipv4 } from '../packet/types';
import type { Host } from '../stack/host';
import type { BindTo } from '../stack/socketTypes';
import type { TcpSock } from '../stack/tcpSock';
import type { SockError } from '../stack/tcpTypes';

export interface AbConfig {
  ip: Ipv4;
  port: number;
  /** The request ab sends, as bytes on the wire (built by the tool). */
  request: string;
  requests: number;
  concurrency: number;
  keepalive: boolean;
  /** -t: stop starting requests after this many µs. */
  timeLimitUs?: number;
  /** -l: a body of another length is not a failure. */
  variableLength: boolean;
  /** -r: keep going after a receive error. */
  keepGoingOnRecvError: boolean;
  bind?: BindTo;
}

/** One finished request, times in µs as ab's struct data holds them. */
export interface AbSample {
  ctime: number;
  time: number;
  waittime: number;
}

export interface AbMetrics {
  done: number;
  doneka: number;
  bad: number;
  errConn: number;
  errRecv: number;
  errLength: number;
  errExcept: number;
  errResponse: number;
  totalRead: number;
  totalBody: number;
  docLen: number;
  serverName: string;
  samples: AbSample[];
  startUs: number;
  lastUs: number;
  /** A fatal socket error (ab exits through apr_err without a report). */
  fatal?: { call: 'apr_socket_recv' | 'apr_socket_connect' | 'bind'; err: SockError };
}

interface Conn {
  sock?: TcpSock;
  start: number;
  connect: number;
  endwrite: number;
  beginread: number;
  raw: string;
  keptalive: boolean;
}

/**
 * ApacheBench 2.3's event loop on the virtual clock: `concurrency` connections, each sending the
 * request, reading the response (to Content-Length with -k, else to EOF) and starting the next
 * until `requests` are done or the -t limit passes.
 */
export function startAb(
  host: Host,
  cfg: AbConfig,
): { metrics: AbMetrics; readonly done: boolean; stop(): void } {
  const sim = host.sim;
  const m: AbMetrics = {
    done: 0,
    doneka: 0,
    bad: 0,
    errConn: 0,
    errRecv: 0,
    errLength: 0,
    errExcept: 0,
    errResponse: 0,
    totalRead: 0,
    totalBody: 0,
    docLen: 0,
    serverName: '',
    samples: [],
    startUs: sim.now,
    lastUs: sim.now,
  };
  let started = 0;
  let finished = false;
  const live = new Set<Conn>();
  const timeUp = (): boolean => cfg.timeLimitUs !== undefined && sim.now - m.startUs >= cfg.timeLimitUs;
  const end = (): void => {
    finished = true;
    for (const c of live) c.sock?.close();
    live.clear();
  };
  const next = (c: Conn | undefined): void => {
    if (finished) return;
    if (m.done >= cfg.requests || timeUp()) {
      if (c) live.delete(c);
      if (live.size === 0 || m.done >= cfg.requests) end();
      return;
    }
    if (started >= cfg.requests) {
      if (c) live.delete(c);
      return;
    }
    started++;
    if (c?.keptalive && c.sock && c.sock.state === 'ESTAB') {
      c.start = sim.now;
      send(c);
      return;
    }
    if (c) live.delete(c);
    open();
  };
  const send = (c: Conn): void => {
    c.connect = sim.now;
    c.raw = '';
    c.sock?.send(cfg.request);
    c.endwrite = sim.now;
  };
  /** A response is complete: record it (close_connection / the keep-alive path of read). */
  const complete = (c: Conn, closing: boolean): void => {
    const split = c.raw.indexOf('\r\n\r\n');
    const head = split < 0 ? '' : c.raw.slice(0, split + 4);
    const body = split < 0 ? '' : c.raw.slice(split + 4);
    m.totalRead += utf8Length(c.raw);
    if (split < 0) {
      // Closed before any header: "apr_socket_recv" trouble unless -r.
      m.bad++;
      m.errRecv++;
      return;
    }
    const blen = utf8Length(body);
    m.totalBody += blen;
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(head)?.[1] ?? 0);
    if (status < 200 || status >= 300) m.errResponse++;
    if (m.serverName === '') m.serverName = /\r\nServer: ?([^\s]*)/i.exec(head)?.[1] ?? '';
    if (m.done === 0 && m.docLen === 0) m.docLen = blen;
    else if (blen !== m.docLen && !cfg.variableLength) {
      m.bad++;
      m.errLength++;
    }
    m.samples.push({
      ctime: Math.max(0, c.connect - c.start),
      time: Math.max(0, sim.now - c.start),
      waittime: Math.max(0, c.beginread - c.endwrite),
    });
    m.done++;
    m.lastUs = sim.now;
    if (c.keptalive && !closing) m.doneka++;
  };
  const open = (): void => {
    const c: Conn = { start: sim.now, connect: 0, endwrite: 0, beginread: 0, raw: '', keptalive: false };
    live.add(c);
    const s = host.sockets.connect(
      cfg.ip,
      cfg.port,
      {
        onConnect: () => send(c),
        onData: (d) => {
          if (c.raw === '') c.beginread = sim.now;
          c.raw += d;
          if (!cfg.keepalive) return;
          const split = c.raw.indexOf('\r\n\r\n');
          if (split < 0) return;
          const head = c.raw.slice(0, split);
          const len = /\r\ncontent-length:\s*(\d+)/i.exec(head);
          if (!len || !/keep-alive/i.test(head)) return;
          if (utf8Length(c.raw) - split - 4 < Number(len[1])) return;
          c.keptalive = true;
          complete(c, false);
          next(c);
        },
        onEof: () => {
          if (c.raw !== '') complete(c, true);
          else if (!c.keptalive) {
            m.bad++;
            m.errRecv++;
          }
          c.sock?.close();
          c.keptalive = false;
          next(c);
        },
        onError: (err) => {
          if (c.raw === '' && !c.keptalive && !cfg.keepGoingOnRecvError) {
            m.fatal = { call: 'apr_socket_recv', err };
            end();
            return;
          }
          m.bad++;
          if (c.connect === 0) m.errConn++;
          else m.errRecv++;
          c.keptalive = false;
          next(c);
        },
      },
      cfg.bind,
    );
    if (typeof s === 'string') {
      m.fatal = {
        call: cfg.bind && (s === 'EADDRNOTAVAIL' || s === 'EADDRINUSE') ? 'bind' : 'apr_socket_connect',
        err: s,
      };
      end();
      return;
    }
    c.sock = s;
  };
  for (let i = 0; i < Math.min(cfg.concurrency, cfg.requests); i++) {
    started++;
    open();
    if (finished) break;
  }
  if (cfg.timeLimitUs !== undefined)
    sim.after(cfg.timeLimitUs, 'ab-time-limit', () => {
      if (!finished) end();
    });
  return {
    metrics: m,
    get done() {
      return finished;
    },
    stop: end,
  };
}
