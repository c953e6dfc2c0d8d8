/**
 * ncat -l: listen on a TCP or UDP port, print what arrives, or echo it back with `-e /bin/cat`;
 * `-k` keeps accepting after the first peer. Runs until interrupted (or, for TCP without -k,
 * until the first connection ends).
 */
import { utf8Length } from '../packet/bytes';
import type { Ipv4 } from '../packet/types';
import type { Host } from '../stack/host';
import type { TcpSock } from '../stack/tcpSock';
import type { TcpCallbacks } from '../stack/tcpTypes';
import type { NcatHandle, NcatIo } from './ncat';

export interface NcatListenOpts {
  udp: boolean;
  laddr: Ipv4;
  port: number;
  keep: boolean;
  echo: boolean;
  verbose: number;
}

export function startNcatListener(host: Host, o: NcatListenOpts, io: NcatIo): NcatHandle {
  let exit = -1;
  const sockets = host.sockets;
  const stop = (code: number): void => {
    if (exit >= 0) return;
    exit = code;
    if (o.udp) sockets.udp.delete(`${o.laddr}:${o.port}`);
    else sockets.unlisten(o.laddr, o.port);
    host.sim.emit({ kind: 'app', host: host.name, app: 'ncat', event: 'exit', exit: code });
  };
  const handle: NcatHandle = {
    get done() {
      return exit >= 0;
    },
    get exit() {
      return exit;
    },
    interrupt: () => stop(130),
  };
  if (o.verbose > 0) io.err('Ncat: Version 7.50 ( https://nmap.org/ncat )\n');
  const bound = o.udp
    ? sockets.bindUdp({ laddr: o.laddr, port: o.port, owner: 'ncat', onDatagram: udpIn })
    : sockets.listen({ laddr: o.laddr, port: o.port, owner: 'ncat', accept });
  if (bound === 'in-use') {
    io.err(`Ncat: bind to ${o.laddr}:${o.port}: Address already in use. QUITTING.\n`);
    exit = 2;
    return handle;
  }
  if (o.verbose > 0) {
    if (o.laddr === '0.0.0.0') io.err(`Ncat: Listening on :::${o.port}\n`);
    io.err(`Ncat: Listening on ${o.laddr}:${o.port}\n`);
  }
  let peer: string | undefined;
  return handle;

  function udpIn(src: Ipv4, sport: number, dst: Ipv4, data: string): void {
    if (exit >= 0) return;
    // Without -k the first sender becomes the only peer (ncat connects the socket to it).
    const who = `${src}:${sport}`;
    if (!o.keep && peer !== undefined && peer !== who) return;
    if (peer === undefined && o.verbose > 0) io.err(`Ncat: Connection from ${src}.\n`);
    peer ??= who;
    if (o.echo) sockets.sendUdp(dst, o.port, src, sport, data);
    else io.out(data);
    host.sim.emit({
      kind: 'app',
      host: host.name,
      app: 'ncat',
      event: 'udp',
      from: who,
      bytes: utf8Length(data),
    });
  }

  function accept(sock: TcpSock): TcpCallbacks {
    if (exit >= 0 || (!o.keep && peer !== undefined)) {
      sock.abort();
      return {};
    }
    peer = `${sock.raddr}:${sock.rport}`;
    if (o.verbose > 0)
      io.err(`Ncat: Connection from ${sock.raddr}.\nNcat: Connection from ${sock.raddr}:${sock.rport}.\n`);
    return {
      onData: (d) => {
        if (o.echo) sock.send(d);
        else io.out(d);
      },
      onEof: () => sock.close(),
      onClose: () => {
        if (!o.keep) stop(0);
      },
    };
  }
}
