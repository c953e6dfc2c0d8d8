import { utf8Length } from '../packet/bytes';
import type { Host } from '../stack/host';
import type { TcpSock } from '../stack/tcpSock';
import type { TcpCallbacks } from '../stack/tcpTypes';
import { cancelTimer } from '../core/eventQueue';
import type { QueuedEvent } from '../core/eventQueue';
import { SEC } from '../core/sim';
import { formatSecs, httpDate, LAB_EPOCH_S } from './httpDate';
import { cgiResponse, cgiScript } from './httpdCgi';

export const DOCUMENT_ROOT = '/var/www/html';

/** CentOS 7's httpd.conf leaves these at Apache's defaults. */
const MAX_KEEPALIVE_REQUESTS = 100;
const KEEPALIVE_TIMEOUT_US = 5 * SEC;

/**
 * Apache httpd 2.4.6 as CentOS 7 runs it: listens on a port, answers GET/HEAD for files under
 * /var/www/html. Persistent connections as ap_set_keepalive decides: HTTP/1.1 stays open until
 * the client closes; HTTP/1.0 closes after the response unless it asked for Keep-Alive (ab -k);
 * at most 100 requests per connection, 5 s idle.
 */
export function startHttpd(host: Host, port: number): 'in-use' | undefined {
  return host.sockets.listen({
    laddr: '0.0.0.0',
    port,
    owner: 'httpd',
    accept(sock) {
      return new HttpdConn(host, sock);
    },
  });
}

/**
 * One accepted connection: its buffer and keep-alive state, with the socket's callbacks as
 * methods. A class, not closures per connection: under tsx each named one (`const serve = …`)
 * cost a defineProperty of its name per request.
 */
class HttpdConn implements TcpCallbacks {
  private buf = '';
  private served = 0;
  private idle: QueuedEvent | undefined = undefined;
  private busy = false;

  constructor(
    private readonly host: Host,
    private readonly sock: TcpSock,
  ) {}

  onData(data: string): void {
    this.buf += data;
    this.serve();
  }

  onEof(): void {
    cancelTimer(this.idle);
    this.sock.close();
  }

  private arm(): void {
    cancelTimer(this.idle);
    const sock = this.sock;
    this.idle = this.host.sim.after(KEEPALIVE_TIMEOUT_US, 'httpd-keepalive', () => sock.close());
  }

  private answer(text: string, close: boolean): void {
    this.sock.send(text);
    if (close) {
      cancelTimer(this.idle);
      this.sock.close();
    } else this.arm();
  }

  private serve(): void {
    const end = this.buf.indexOf('\r\n\r\n');
    if (this.busy || end < 0) return;
    const host = this.host;
    const head = this.buf.slice(0, end);
    this.buf = this.buf.slice(end + 4);
    this.served++;
    const ka = keepAlive(head, this.served);
    const script = cgiScript(headParts(head).target);
    if (script === undefined || !host.cgi || !host.files.has(script)) {
      this.answer(respond(host, head, ka.headers), ka.close);
      return;
    }
    cancelTimer(this.idle);
    this.busy = true;
    host.cgi(script, (out) => {
      this.busy = false;
      this.answer(cgiReply(host, head, out, ka.headers), ka.close);
      this.serve();
    });
  }
}

interface KeepAlive {
  close: boolean;
  headers: string[];
}

/** The two answers that do not depend on the count served: one object each (okReply's memo compares them). */
const CLOSE: KeepAlive = { close: true, headers: ['Connection: close'] };
const STAY_OPEN: KeepAlive = { close: false, headers: [] };

/** What a request head says about persistence, read once per head text (a client repeats its head). */
interface HeadConn {
  head: string;
  /** Closes after the response whatever the count: `Connection: close`, or HTTP/1.0 without keep-alive. */
  closes: boolean;
  kaSent: boolean;
}
let lastConn: HeadConn = { head: '', closes: true, kaSent: false };

function headConn(head: string): HeadConn {
  if (head === lastConn.head) return lastConn;
  const http10 = /^\S+ \S+ HTTP\/1\.0$/m.test(head.split('\r\n')[0] ?? '');
  const conn = (/\r\nconnection:\s*([^\r]*)/i.exec(head)?.[1] ?? '').toLowerCase();
  const kaSent = conn.includes('keep-alive');
  lastConn = { head, closes: conn.includes('close') || (http10 && !kaSent), kaSent };
  return lastConn;
}

/** ap_set_keepalive: may the connection stay open, and which headers say so. */
function keepAlive(head: string, served: number): KeepAlive {
  const c = headConn(head);
  const left = MAX_KEEPALIVE_REQUESTS - served;
  if (c.closes || left <= 0) return CLOSE;
  if (!c.kaSent) return STAY_OPEN;
  return {
    close: false,
    headers: [`Keep-Alive: timeout=${KEEPALIVE_TIMEOUT_US / SEC}, max=${left}`, 'Connection: Keep-Alive'],
  };
}

export function stopHttpd(host: Host, port: number): void {
  host.sockets.unlisten('0.0.0.0', port);
}

/** A CGI script's output as the response, or Apache's 500 when its headers are malformed. */
function cgiReply(host: Host, head: string, out: string, conn: string[]): string {
  const method = head.split(' ')[0] ?? 'GET';
  const date = httpDate(host.sim.now);
  const r = cgiResponse(out);
  if (!r)
    return reply(
      date,
      500,
      'Internal Server Error',
      errorPage(
        '500 Internal Server Error',
        'The server encountered an internal error or misconfiguration and was unable to complete your request.',
      ),
      method,
      [],
      conn,
    );
  const type = r.headers.find((h) => /^content-type:/i.test(h)) ?? 'Content-Type: text/plain';
  const rest = r.headers.filter((h) => h !== type);
  const lines = [
    `HTTP/1.1 ${r.code} ${r.text}`,
    `Date: ${date}`,
    'Server: Apache/2.4.6 (CentOS)',
    ...rest,
    `Content-Length: ${utf8Length(r.body)}`,
    ...conn,
    type,
  ];
  return `${lines.join('\r\n')}\r\n\r\n${method === 'HEAD' ? '' : r.body}`;
}

/** What serve and respond read from a request head (a pure function of its text). */
interface HeadParts {
  head: string;
  /** The second space-separated word of the whole head (what cgiScript is asked about). */
  target: string;
  method: string;
  path: string;
  /** The file under the document root that answers `path`. */
  file: string;
}
let lastParts: HeadParts | undefined;

/** The head's parts, split once per head text: a client repeats its head, request after request. */
function headParts(head: string): HeadParts {
  if (lastParts !== undefined && lastParts.head === head) return lastParts;
  const [line = ''] = head.split('\r\n');
  const [method = '', rawPath = '/'] = line.split(' ');
  const path = rawPath.split('?')[0] ?? '/';
  const file = path.endsWith('/') ? `${DOCUMENT_ROOT}${path}index.html` : `${DOCUMENT_ROOT}${path}`;
  lastParts = { head, target: head.split(' ')[1] ?? '/', method, path, file };
  return lastParts;
}

function respond(host: Host, head: string, conn: string[]): string {
  const { method, path, file } = headParts(head);
  const body = host.files.get(file);
  const date = httpDate(host.sim.now);
  if (method !== 'GET' && method !== 'HEAD')
    return reply(
      date,
      405,
      'Method Not Allowed',
      errorPage('405 Method Not Allowed', 'The requested method is not allowed.'),
      method,
      [],
      conn,
    );
  if (body === undefined) {
    // CentOS's welcome.conf answers "/" without an index with 403; other paths are 404.
    if (path === '/')
      return reply(
        date,
        403,
        'Forbidden',
        errorPage('403 Forbidden', "You don't have permission to access / on this server."),
        method,
        [],
        conn,
      );
    return reply(
      date,
      404,
      'Not Found',
      errorPage('404 Not Found', `The requested URL ${path} was not found on this server.`),
      method,
      [],
      conn,
    );
  }
  return okReply(host, date, body, method, conn);
}

/** The files' date (the lab's epoch): formatted once, not through httpDate's one-second memo. */
const LAST_MODIFIED = `Last-Modified: ${formatSecs(LAB_EPOCH_S)}`;

/** A host's last 200 response and what it was made from: the same file in the same second is the same text. */
interface OkMemo {
  date: string;
  body: string;
  method: string;
  conn: string[];
  text: string;
}
const okMemos = new WeakMap<Host, OkMemo>();

function okReply(host: Host, date: string, body: string, method: string, conn: string[]): string {
  const m = okMemos.get(host);
  if (m && m.date === date && m.body === body && m.method === method && m.conn === conn) return m.text;
  const len = utf8Length(body);
  const extra = [LAST_MODIFIED, `ETag: "${len.toString(16)}-58f0c1a7b5f00"`, 'Accept-Ranges: bytes'];
  const text = reply(date, 200, 'OK', body, method, extra, conn);
  okMemos.set(host, { date, body, method, conn, text });
  return text;
}

function reply(
  date: string,
  code: number,
  text: string,
  body: string,
  method: string,
  extra: string[],
  conn: string[],
): string {
  const type = code === 200 ? 'text/html; charset=UTF-8' : 'text/html; charset=iso-8859-1';
  const headers = [
    `HTTP/1.1 ${code} ${text}`,
    `Date: ${date}`,
    'Server: Apache/2.4.6 (CentOS)',
    ...extra,
    `Content-Length: ${utf8Length(body)}`,
    ...conn,
    `Content-Type: ${type}`,
  ];
  return `${headers.join('\r\n')}\r\n\r\n${method === 'HEAD' ? '' : body}`;
}

function errorPage(title: string, message: string): string {
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${title.replace(/^\d+ /, '')}</h1>\n<p>${message}</p>\n</body></html>\n`;
}
