/**
 * bash's /dev/tcp/HOST/PORT and /dev/udp/HOST/PORT (netopen.c; CentOS 7's bash has them): a
 * redirection to one opens a socket and connects it before the command runs — TCP waits for
 * the handshake, UDP only binds — and bash reports a failure as `connect: ERROR` then
 * `PATH: ERROR`. What the command writes goes out at once (one datagram per write for UDP);
 * what arrives lands in a pipe the command reads from until the peer closes.
 */
import type { Host } from '../stack/host';
import type { SockError } from '../stack/tcpTypes';
import { SOCK_ERROR_TEXT } from '../stack/sockErrorText';
import { routeOutput } from '../stack/ipOutput';
import { createPipe } from './pipe';
import { resolveHost } from './tools/curl/curlUrl';
import type { NetConnection as NetConn, Wait } from './types';

const DEV_NET = /^\/dev\/(tcp|udp)\/([^/]+)\/([^/]+)$/;

export function isDevNet(path: string): boolean {
  return DEV_NET.test(path);
}

/** The /etc/services names a lab meets; anything else is getaddrinfo's EAI_SERVICE. */
const SERVICES: Readonly<Record<string, number>> = {
  ftp: 21,
  ssh: 22,
  smtp: 25,
  domain: 53,
  http: 80,
  https: 443,
};

type Target = { udp: boolean; ip: string; port: number; errno?: undefined } | { errno: string[] };

function target(host: Host, path: string): Target {
  const m = DEV_NET.exec(path)!;
  const [, proto, name, serv] = m as unknown as [string, string, string, string];
  // getaddrinfo takes any number as the port; htons keeps its low 16 bits.
  const port = /^\d+$/.test(serv) ? Number(serv) % 65536 : SERVICES[serv];
  if (port === undefined)
    return { errno: [`${serv}: Servname not supported for ai_socktype`, `${path}: Invalid argument`] };
  const ip = resolveHost(name, () => host.files.get('/etc/hosts'));
  if (ip === undefined) return { errno: [`${name}: Name or service not known`, `${path}: Invalid argument`] };
  return { udp: proto === 'udp', ip, port };
}

const fail = (path: string, err: SockError): string[] => [
  `connect: ${SOCK_ERROR_TEXT[err]}`,
  `${path}: ${SOCK_ERROR_TEXT[err]}`,
];

function openUdp(host: Host, path: string, ip: string, port: number): NetConn | string[] {
  const rt = routeOutput(host, ip);
  if (!rt.ok) return fail(path, 'ENETUNREACH');
  const input = createPipe();
  const sport = host.sockets.udpEphemeralPort(rt.src);
  const key = `${rt.src}:${sport}`;
  host.sockets.bindUdp({
    laddr: rt.src,
    port: sport,
    owner: 'bash',
    // A connected UDP socket takes datagrams from its peer only.
    onDatagram: (src, srcPort, _dst, data) => {
      if (src === ip && srcPort === port && input.open) input.text += data;
    },
  });
  return {
    path,
    input,
    write: (s) => {
      if (s !== '') host.sockets.sendUdp(rt.src, sport, ip, port, s);
    },
    close: () => {
      host.sockets.udp.delete(key);
      input.open = false;
    },
  };
}

/** Open the path as bash does; the error lines (without `bash: `) when it fails. */
export function* openDevNet(host: Host, path: string): Generator<Wait, NetConn | string[], void> {
  const t = target(host, path);
  if (t.errno) return t.errno;
  if (t.udp) return openUdp(host, path, t.ip, t.port);
  const input = createPipe();
  const st: { v: 'pending' | 'open' | SockError } = { v: 'pending' };
  const s = host.sockets.connect(t.ip, t.port, {
    onConnect: () => (st.v = 'open'),
    onData: (d) => {
      input.text += d;
    },
    onEof: () => (input.open = false),
    onError: (e) => {
      if (st.v === 'pending') st.v = e;
      input.open = false;
    },
    onClose: () => (input.open = false),
  });
  if (typeof s === 'string') return fail(path, s);
  if (st.v === 'pending') yield { kind: 'until', done: () => st.v !== 'pending' };
  if (st.v === 'pending') return fail(path, 'ETIMEDOUT');
  if (st.v !== 'open') return fail(path, st.v);
  let closed = false;
  return {
    path,
    input,
    write: (d) => {
      if (!closed && d !== '') s.send(d);
    },
    close: () => {
      if (closed) return;
      closed = true;
      s.close();
    },
  };
}
