import { startCurl } from '../apps/curl';
import type { CurlResult } from '../apps/curl';
import { SEC } from '../core/sim';
import type { Network } from '../stack/network';

/** Test helper: curl from `host` to ip:port and run the simulation until curl exits. */
export function runCurl(net: Network, host: string, ip: string, port = 80, maxTimeS?: number): CurlResult {
  const h = net.host(host);
  const handle = startCurl(h, {
    ip,
    port,
    hostHeader: port === 80 ? ip : `${ip}:${port}`,
    path: '/',
    method: 'GET',
    ...(maxTimeS !== undefined ? { maxTimeUs: maxTimeS * SEC } : {}),
  });
  net.sim.runWhile(() => handle.done, net.sim.now + 400 * SEC);
  if (!handle.result) throw new Error('curl did not finish');
  return handle.result;
}
