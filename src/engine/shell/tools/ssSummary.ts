import type { Host } from '../../stack/host';

const col = (n: number | string): string => String(n).padEnd(9);

/**
 * `ss -s` as iproute2 4.11 prints it from /proc/net/sockstat{,6}. httpd's sockets are IPv6
 * (dual stack, see ss.ts); "kernel" and the `*` row come from the slab cache, which the lab
 * does not model beyond the sockets it holds, so they show the same count as Total.
 */
export function ssSummary(host: Host): string {
  const dual = new Set(
    [...host.sockets.listeners.values()]
      .filter((l) => l.owner === 'httpd' && l.laddr === '0.0.0.0')
      .map((l) => l.port),
  );
  let tcp4 = 0;
  let tcp6 = 0;
  let tw = 0;
  let estab = 0;
  for (const l of host.sockets.listeners.values()) {
    if (dual.has(l.port)) tcp6++;
    else tcp4++;
  }
  for (const c of host.sockets.connections()) {
    if (c.state === 'TIME-WAIT') {
      tw++;
      continue;
    }
    if (c.state === 'ESTAB') estab++;
    if (dual.has(c.lport)) tcp6++;
    else tcp4++;
  }
  const udp4 = host.sockets.udp.size;
  const hashed = tcp4 + tcp6;
  const total = hashed + udp4;
  return [
    `Total: ${total} (kernel ${total})`,
    `TCP:   ${hashed + tw} (estab ${estab}, closed ${tw}, orphaned 0, synrecv 0, timewait ${tw}/0), ports 0`,
    '',
    'Transport Total     IP        IPv6',
    `*\t  ${col(total)} ${col('-')} ${col('-')}`,
    `RAW\t  ${col(0)} ${col(0)} ${col(0)}`,
    `UDP\t  ${col(udp4)} ${col(udp4)} ${col(0)}`,
    `TCP\t  ${col(hashed)} ${col(tcp4)} ${col(tcp6)}`,
    `INET\t  ${col(hashed + udp4)} ${col(tcp4 + udp4)} ${col(tcp6)}`,
    `FRAG\t  ${col(0)} ${col(0)} ${col(0)}`,
    '',
    '',
  ].join('\n');
}
