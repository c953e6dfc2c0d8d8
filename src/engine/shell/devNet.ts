/**
 * bash's /dev/tcp/HOST/PORT and /dev/udp/HOST/PORT output redirections (CentOS 7's bash has
 * them): opening checks the address and the route, and what the command printed is sent when
 * it ends, as one UDP datagram, or over a TCP connection that is then closed. (bash connects
 * while opening and reports a refused connection at once; here a refused TCP connection is
 * seen only in the trace.)
 */
import type { Host } from '../stack/host';
import { routeOutput } from '../stack/ipOutput';
import { resolveHost } from './tools/curl/curlUrl';

const DEV_NET = /^\/dev\/(tcp|udp)\/([^/]+)\/([^/]+)$/;

export function isDevNet(path: string): boolean {
  return path.startsWith('/dev/tcp/') || path.startsWith('/dev/udp/');
}

function target(host: Host, path: string): { udp: boolean; ip: string; port: number } | string {
  const m = DEV_NET.exec(path);
  if (!m) return 'No such file or directory';
  const ip = resolveHost(m[2]!, host.files.get('/etc/hosts'));
  const port = /^\d+$/.test(m[3]!) ? Number(m[3]) : NaN;
  if (ip === undefined || !(port >= 0 && port <= 65535)) return 'Invalid argument';
  if (!routeOutput(host, ip).ok) return 'Network is unreachable';
  return { udp: m[1] === 'udp', ip, port };
}

/** The fs write of a /dev/tcp or /dev/udp path: '' opens, anything else is sent. */
export function devNetWrite(host: Host, path: string, data: string): string | undefined {
  const t = target(host, path);
  if (typeof t === 'string') return t;
  if (data === '') return undefined;
  if (t.udp) {
    const sport = host.sockets.udpEphemeralPort('0.0.0.0');
    host.sockets.sendUdp(undefined, sport, t.ip, t.port, data);
    return undefined;
  }
  const s = host.sockets.connect(t.ip, t.port, {
    onConnect: () => {
      if (typeof s === 'string') return;
      s.send(data);
      s.close();
    },
  });
  return typeof s === 'string' ? 'Network is unreachable' : undefined;
}
