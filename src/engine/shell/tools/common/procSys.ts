/**
 * /proc/sys as a live view of the host's sysctl tree: `net.ipv4.conf.all.arp_ignore` is the file
 * /proc/sys/net/ipv4/conf/all/arp_ignore, reads give "N\n", writes go through Sysctl.set with
 * proc_dointvec's parsing (so `echo 1 > ...` and `sysctl -w` change exactly the same state).
 */
import type { Host } from '../../../stack/host';

const ROOT = '/proc/sys';

/** The sysctl key a /proc/sys path names (whether or not it exists). */
export function procSysKey(path: string): string | undefined {
  if (!path.startsWith(ROOT + '/')) return undefined;
  return path.slice(ROOT.length + 1).replace(/\//g, '.');
}

export function procSysPath(key: string): string {
  return `${ROOT}/${key.replace(/\./g, '/')}`;
}

export function procSysRead(host: Host, path: string): string | undefined {
  const key = procSysKey(path);
  const v = key === undefined ? undefined : host.sysctl.get(key);
  return v === undefined ? undefined : `${v}\n`;
}

export function procSysIsDir(host: Host, path: string): boolean {
  if (path === ROOT) return true;
  const key = procSysKey(path);
  if (key === undefined) return false;
  return !host.sysctl.has(key) && host.sysctl.hasPrefix(key + '.');
}

/** Entry names of a /proc/sys folder, sorted (the kernel's sysctl tables are name-ordered). */
export function procSysList(host: Host, path: string): string[] | undefined {
  if (!procSysIsDir(host, path)) return undefined;
  const prefix = path === ROOT ? '' : (procSysKey(path) ?? '') + '.';
  const names = new Set<string>();
  for (const k of host.sysctl.keys()) {
    if (!k.startsWith(prefix)) continue;
    const name = k.slice(prefix.length).split('.')[0];
    if (name !== undefined && name !== '') names.add(name);
  }
  return [...names].sort();
}

/**
 * proc_dointvec's parse of a write: optional blanks, one integer (base 10, or 0x.. / 0.. as
 * strtoul base 0 reads them, optional minus), then blanks. Undefined means EINVAL.
 */
export function parseProcInt(data: string): number | undefined {
  const m = /^[ \t\n]*(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[ \t\n]*$/.exec(data);
  if (!m) return undefined;
  const t = m[2] ?? '0';
  const mag = /^0[xX]/.test(t)
    ? parseInt(t.slice(2), 16)
    : t.length > 1 && t.startsWith('0')
      ? parseInt(t, 8)
      : Number(t);
  const v = m[1] === '-' ? -mag : mag;
  return v > 2147483647 || v < -2147483648 ? undefined : v;
}

/**
 * Write to a /proc/sys file. An empty write (the shell opening the file for a redirection) does
 * nothing; a missing key is ENOENT whatever the data, as open(2) fails first.
 */
export function procSysWrite(host: Host, path: string, data: string): string | undefined {
  if (procSysIsDir(host, path)) return 'Is a directory';
  const key = procSysKey(path);
  if (key === undefined || !host.sysctl.has(key)) return 'No such file or directory';
  if (data === '') return undefined;
  const v = parseProcInt(data);
  if (v === undefined) return 'Invalid argument';
  return host.sysctl.set(key, v) === undefined ? undefined : 'Invalid argument';
}
