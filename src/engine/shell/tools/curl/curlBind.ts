import type { Host } from '../../../stack/host';
import type { BindTo } from '../../../stack/socketTypes';
import { inetAton } from '../common/inet';
import type { CurlOpts } from './curlArgs';

/** What --interface and --local-port resolved to, or curl's (45) error. */
export type Bound =
  { ok: true; bind: BindTo; iface: string | undefined; viaName: boolean } | { ok: false; error: string };

const ERRNO: Record<'EADDRNOTAVAIL' | 'EADDRINUSE', string> = {
  EADDRNOTAVAIL: 'bind failed with errno 99: Cannot assign requested address',
  EADDRINUSE: 'bind failed with errno 98: Address already in use',
};

/**
 * bindlocal() of curl 7.29: --interface is an interface name (its first address) or an
 * address; --local-port tries each port of its range in turn. undefined: no bind at all.
 */
export function bindFor(host: Host, o: CurlOpts): Bound | undefined {
  if (o.iface === undefined && o.localPort === undefined) return undefined;
  let laddr: string | undefined;
  const viaName = o.iface !== undefined && host.devices.has(o.iface);
  if (o.iface !== undefined) {
    if (viaName) laddr = host.addrsOf(o.iface).find((a) => !a.secondary)?.ip;
    else if (inetAton(o.iface) !== undefined && /^[\d.]+$/.test(o.iface)) laddr = o.iface;
    if (laddr === undefined) return { ok: false, error: `Couldn't bind to '${o.iface}'` };
  }
  const base: BindTo = laddr !== undefined ? { laddr } : {};
  if (o.localPort === undefined) {
    const err = host.sockets.bindError(base);
    return err
      ? { ok: false, error: ERRNO[err] }
      : { ok: true as const, bind: base, iface: o.iface, viaName };
  }
  let last: 'EADDRNOTAVAIL' | 'EADDRINUSE' = 'EADDRINUSE';
  for (let p = o.localPort.from; p <= o.localPort.to; p++) {
    const err = host.sockets.bindError({ ...base, lport: p });
    if (err === undefined) return { ok: true as const, bind: { ...base, lport: p }, iface: o.iface, viaName };
    last = err;
    if (err === 'EADDRNOTAVAIL') break;
  }
  return { ok: false, error: ERRNO[last] };
}

/** -v lines bindlocal() prints once bound. */
export function verboseBind(b: Extract<Bound, { ok: true }>, port: number | undefined): string {
  let s = '';
  if (b.iface !== undefined && b.bind.laddr !== undefined)
    s += b.viaName
      ? `* Local Interface ${b.iface} is ip ${b.bind.laddr} using address family 2\n`
      : `* Name '${b.iface}' family 2 resolved to '${b.bind.laddr}' family 2\n`;
  if (port !== undefined) s += `* Local port: ${port}\n`;
  return s;
}
