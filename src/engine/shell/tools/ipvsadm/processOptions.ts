/**
 * ipvsadm's process_options: parse, check the option set against the command, apply ipvsadm's
 * implicit rules (default scheduler, DR/TUN dests on the service port, ...) and carry the command
 * out. Returns the exit status; ipvsadm's own exit() calls surface as IpvsadmExit.
 */
import { ipvsOf } from '../../../ipvs/ipvs';
import { clearServices, setTimeouts } from '../../../ipvs/control';
import { startDaemon, stopDaemon } from './daemon';
import type { CommandEntry } from './entry';
import type { Errno, IpvsCall } from './errors';
import { fail, ipvsStrerror, tryhelp } from './errors';
import * as k from './kernelOps';
import { genericOptCheck, tunnelOptCheck } from './legality';
import { listCommand, listEverything } from './listCommand';
import { parseOptions } from './parseOptions';
import { restoreTable } from './restore';
import type { RunCtx } from './runCtx';
import { EXIT_FAILURE_255 } from './runCtx';

const TUNNEL_OPTIONS = ['tun-type', 'tun-port', 'tun-nocsum', 'tun-csum', 'tun-remcsum'] as const;

/** The checks and defaults between generic_opt_check and the command itself. */
function implicitRules(ce: CommandEntry): void {
  const { svc, dest } = ce;
  if (ce.cmd === 'add-service' || ce.cmd === 'edit-service') {
    if (!svc.fwmark && !svc.port && !svc.persistent) fail('Zero port specified for non-persistent service');
    if (svc.onePacket && !svc.fwmark && svc.protocol !== 'udp')
      fail('One-Packet Scheduling is only for UDP virtual services');
    if (svc.sched === '') svc.sched = 'wlc';
  }
  if (ce.cmd === 'start-daemon' && ce.daemon.ifn === '') ce.daemon.ifn = 'eth0';
  if (ce.cmd !== 'add-server' && ce.cmd !== 'edit-server') return;
  // DR and tunnelling cannot change the port: the dest gets the service's.
  if (!svc.fwmark && (dest.fwd === 'tunnel' || dest.fwd === 'route')) dest.port = svc.port;
  if (dest.af !== svc.af && dest.fwd !== 'tunnel')
    fail('Different address family is allowed only for tunneling servers');
  if (TUNNEL_OPTIONS.some((o) => ce.options.has(o)) && dest.fwd !== 'tunnel')
    fail('Tunnel options conflict with forward method');
  tunnelOptCheck(dest.tunType, ce.options);
}

/** A kernel request: its error is printed by ipvs_strerror and ipvsadm returns -1. */
function kernel(rc: RunCtx, call: IpvsCall, err: Errno | undefined): number {
  if (err === undefined) return 0;
  rc.err(`${ipvsStrerror(call, err)}\n`);
  return EXIT_FAILURE_255;
}

function execute(rc: RunCtx, ce: CommandEntry, argv: string[], readingStdin: boolean): number {
  const ipvs = ipvsOf(rc.host);
  switch (ce.cmd) {
    case 'list':
      return listCommand(rc, ce);
    case 'restore':
      // A -R inside a restore would read the same stream forever.
      if (readingStdin) tryhelp(argv[0] ?? 'ipvsadm');
      return restoreTable(rc.stdin, argv[0] ?? 'ipvsadm', (line) => processOptions(rc, line, true));
    case 'save':
      listEverything(rc, { ...ce.format, rule: true });
      return 0;
    case 'flush':
      clearServices(ipvs);
      return 0;
    case 'add-service':
      return kernel(rc, 'add_service', k.addService(ipvs, ce));
    case 'edit-service':
      return kernel(rc, 'update_service', k.editService(ipvs, ce));
    case 'delete-service':
      return kernel(rc, 'del_service', k.deleteService(ipvs, ce));
    case 'zero':
      return kernel(rc, 'zero_service', k.zero(ipvs, ce));
    case 'add-server':
      return kernel(rc, 'add_dest', k.addDest(ipvs, ce));
    case 'edit-server':
      return kernel(rc, 'update_dest', k.editDest(ipvs, ce));
    case 'delete-server':
      return kernel(rc, 'del_dest', k.deleteDest(ipvs, ce));
    case 'set':
      setTimeouts(ipvs, ce.timeouts.tcp, ce.timeouts.tcpfin, ce.timeouts.udp);
      return 0;
    case 'start-daemon':
      return kernel(rc, 'start_daemon', startDaemon(rc.host, ce.daemon));
    case 'stop-daemon':
      return kernel(rc, 'stop_daemon', stopDaemon(rc.host, ce.daemon.state));
    default:
      return 0;
  }
}

/** process_options(argc, argv, reading_stdin). */
export function processOptions(rc: RunCtx, argv: string[], readingStdin: boolean): number {
  const parsed = parseOptions(argv, rc.names);
  if (parsed.kind === 'popt-error') {
    rc.err(parsed.stderr);
    return EXIT_FAILURE_255;
  }
  const ce = parsed.ce;
  genericOptCheck(ce.cmd!, ce.options);
  implicitRules(ce);
  return execute(rc, ce, argv, readingStdin);
}
