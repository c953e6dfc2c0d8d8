/**
 * Reverse lookups as a CentOS 7 host answers them with no DNS ("hosts: files dns myhostname"):
 * /etc/hosts first, then nss-myhostname, which names the host's own addresses after the host
 * and its default gateway "gateway". Tools that resolve unless given -n use this.
 */
import type { Host } from '../../../stack/host';

const DEFAULT_HOSTS = '127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n';

export function reverseName(host: Host, ip: string): string | undefined {
  for (const line of (host.files.get('/etc/hosts') ?? DEFAULT_HOSTS).split('\n')) {
    const words = (line.split('#')[0] ?? '').trim().split(/\s+/);
    if (words[0] === ip && words[1] !== undefined) return words[1];
  }
  if (host.addrs.some((a) => a.ip === ip)) return host.name;
  if (host.routes.list('main').some((r) => r.prefix === 0 && r.via === ip)) return 'gateway';
  return undefined;
}
