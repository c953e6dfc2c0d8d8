/**
 * nmap-ncat 7.50 (CentOS 7) over the simulated stack: a TCP or UDP client that sends its stdin
 * and prints what comes back, and a listener (`-l`, `-k` to keep accepting) that prints what it
 * receives or echoes it (`-e /bin/cat`). UDP clients quit at stdin EOF, as ncat does.
 */
import { cancelTimer } from '../core/eventQueue';
import type { QueuedEvent } from '../core/eventQueue';
import { SEC } from '../core/sim';
import { utf8Length } from '../packet/bytes';
import type { Ipv4 } from '../packet/types';
import type { Host } from '../stack/host';
import type { TcpSock } from '../stack/tcpSock';
import type { SockError } from '../stack/tcpTypes';

export interface NcatIo {
  out(s: string): void;
  err(s: string): void;
}

export interface NcatClientOpts {
  udp: boolean;
  ip: Ipv4;
  port: number;
  /** -s: source address. */
  source?: Ipv4;
  /** -p: source port. */
  sourcePort?: number;
  stdin: string;
  verbose: number;
  /** -w: TCP connect timeout, µs. */
  connectTimeoutUs?: number;
  /** -i: idle timeout, µs (UDP: the lab keeps a piped stdin open until it expires). */
  idleTimeoutUs?: number;
}

export interface NcatHandle {
  readonly done: boolean;
  readonly exit: number;
  interrupt(): void;
}

const ERRNO: Readonly<Record<SockError, string>> = {
  ECONNREFUSED: 'Connection refused.',
  ETIMEDOUT: 'Connection timed out.',
  EHOSTUNREACH: 'No route to host.',
  ENETUNREACH: 'Network is unreachable.',
  ECONNRESET: 'Connection reset by peer.',
  ENOPROTOOPT: 'Protocol not available.',
  EADDRNOTAVAIL: 'Cannot assign requested address.',
  EADDRINUSE: 'Address already in use.',
};

function stats(io: NcatIo, sent: number, recv: number, us: number): void {
  io.err(`Ncat: ${sent} bytes sent, ${recv} bytes received in ${(us / SEC).toFixed(2)} seconds.\n`);
}

export function startNcatClient(host: Host, o: NcatClientOpts, io: NcatIo): NcatHandle {
  const started = host.sim.now;
  let exit = -1;
  let received = 0;
  let timer: QueuedEvent | undefined;
  // The TCP socket, once connect() made it (the callbacks run before it is returned).
  const ref: { sock?: TcpSock } = {};
  let unbind: (() => void) | undefined;
  const sent = utf8Length(o.stdin);
  const finish = (code: number, showStats = true): void => {
    if (exit >= 0) return;
    exit = code;
    cancelTimer(timer);
    unbind?.();
    if (showStats && o.verbose > 0 && code === 0) stats(io, sent, received, host.sim.now - started);
    host.sim.emit({ kind: 'app', host: host.name, app: 'ncat', event: 'exit', exit: code });
  };
  const arm = (us: number | undefined, onFire: () => void): void => {
    cancelTimer(timer);
    timer = us === undefined ? undefined : host.sim.after(us, 'ncat-timeout', onFire);
  };
  const idle = (): void => {
    if (o.idleTimeoutUs === undefined) return;
    const ms = Math.round(o.idleTimeoutUs / 1000);
    arm(o.idleTimeoutUs, () => {
      io.err(`Ncat: Idle timeout expired (${ms} ms).\n`);
      finish(1, false);
    });
  };
  if (o.verbose > 0) io.err('Ncat: Version 7.50 ( https://nmap.org/ncat )\n');
  if (o.udp) {
    const sockets = host.sockets;
    const src = o.source;
    const sport = o.sourcePort ?? sockets.udpEphemeralPort(src ?? '0.0.0.0');
    const laddr = src ?? '0.0.0.0';
    if (
      sockets.bindUdp({
        laddr,
        port: sport,
        owner: 'ncat',
        onDatagram: (from, _fp, _to, data) => {
          if (exit >= 0 || from !== o.ip) return;
          received += utf8Length(data);
          io.out(data);
          idle();
        },
      }) === 'in-use'
    ) {
      io.err(`Ncat: bind to ${laddr}:${sport}: Address already in use. QUITTING.\n`);
      exit = 2;
      return handle();
    }
    unbind = () => sockets.udp.delete(`${laddr}:${sport}`);
    if (o.verbose > 0) io.err(`Ncat: Connected to ${o.ip}:${o.port}.\n`);
    if (o.stdin !== '' && !sockets.sendUdp(src, sport, o.ip, o.port, o.stdin)) {
      io.err('Ncat: Network is unreachable.\n');
      finish(1, false);
      return handle();
    }
    // ncat quits at EOF on stdin in UDP mode; with -i the lab holds the pipe open until idle.
    if (o.idleTimeoutUs === undefined) host.sim.after(0, 'ncat-eof', () => finish(0));
    else idle();
    return handle();
  }
  let connected = false;
  const s = host.sockets.connect(o.ip, o.port, {
    onConnect: () => {
      connected = true;
      if (o.verbose > 0) io.err(`Ncat: Connected to ${o.ip}:${o.port}.\n`);
      idle();
      if (o.stdin !== '') s2().send(o.stdin);
      s2().close();
    },
    onData: (d) => {
      received += utf8Length(d);
      io.out(d);
      idle();
    },
    onError: (e) => {
      io.err(`Ncat: ${ERRNO[e]}\n`);
      finish(1, false);
    },
    // A refused or failed connect reports through onError; only a finished conversation ends here.
    onClose: () => {
      if (connected) finish(0);
    },
  });
  if (typeof s === 'string') {
    io.err(`Ncat: ${ERRNO[s]}\n`);
    exit = 1;
    return handle();
  }
  ref.sock = s;
  const s2 = (): TcpSock => ref.sock!;
  arm(o.connectTimeoutUs, () => {
    io.err('Ncat: Connection timed out.\n');
    ref.sock?.abort();
    finish(1, false);
  });
  return handle();

  function handle(): NcatHandle {
    return {
      get done() {
        return exit >= 0;
      },
      get exit() {
        return exit;
      },
      interrupt() {
        if (exit >= 0) return;
        ref.sock?.abort();
        finish(130, false);
      },
    };
  }
}
