/**
 * A host's file system as the shell sees it. Files live in `host.files` (a flat path → content
 * map the apps read too: httpd serves /var/www/html from it), folders are implied by file paths
 * plus a fixed CentOS skeleton, and /proc/sys/** is a live view of `host.sysctl`.
 *
 * Folders created with mkdir and permission bits are kept in host.dirs and host.modes; every
 * ShellFs made for the same host shares them.
 */
import type { Host } from '../stack/host';
import { isDevNet, openDevNet } from './devNet';
import { parentOf } from './paths';
import { procSysIsDir, procSysKey, procSysList, procSysRead, procSysWrite } from './tools/common/procSys';
import type { ShellFs } from './types';

/** A file was written through the shell (redirection, tee, cp, ...): `data` replaced or was appended to it. */
export interface FileWriteEvent {
  kind: 'file.write';
  host: string;
  path: string;
  append: boolean;
  data: string;
}

/** A file was removed (rm). */
export interface FileRemoveEvent {
  kind: 'file.remove';
  host: string;
  path: string;
}

/** Folders every CentOS 7 host has. */
const SKELETON: readonly string[] = [
  '/',
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/etc/httpd',
  '/etc/httpd/conf',
  '/etc/sysconfig',
  '/etc/sysctl.d',
  '/home',
  '/lib',
  '/lib/modules',
  '/opt',
  '/proc',
  '/proc/net',
  '/proc/sys',
  '/root',
  '/run',
  '/sbin',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/usr/lib',
  '/usr/local',
  '/usr/local/bin',
  '/usr/sbin',
  '/var',
  '/var/log',
  '/var/tmp',
];

/** /var/www exists once httpd is installed (buildTopology and yum mark it in host.modules). */
const HTTPD_DIRS: readonly string[] = ['/var/www', '/var/www/html', '/var/www/cgi-bin'];

const ETC_HOSTS =
  '127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n' +
  '::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n';

/** Files a fresh CentOS 7.6 host has even when the lab did not write them. */
function defaultFile(host: Host, path: string): string | undefined {
  switch (path) {
    case '/etc/hostname':
      return `${host.name}\n`;
    case '/etc/hosts':
      return ETC_HOSTS;
    case '/etc/redhat-release':
    case '/etc/centos-release':
      return 'CentOS Linux release 7.6.1810 (Core) \n';
    default:
      return undefined;
  }
}

const DEFAULT_FILES: readonly string[] = [
  '/etc/hostname',
  '/etc/hosts',
  '/etc/redhat-release',
  '/etc/centos-release',
];

function isProc(path: string): boolean {
  return path === '/proc' || path.startsWith('/proc/');
}

/** ShellFs over one host; see the module comment. */
class HostFs implements ShellFs {
  /** Folders made with mkdir and permission bits, kept on the host (every ShellFs of it shares them). */
  private readonly s: { dirs: Set<string>; modes: Map<string, number> };

  constructor(
    private readonly host: Host,
    /**
     * Paths whose writes fail as into a missing folder. Empty in every lab; tests fill it
     * (TestLab.failWrites) to see how a script goes on after a failed redirection, which a lab
     * host's own files never produce. A field rather than a wrapper object made with
     * Object.create: each such wrapper was a new prototype, so every shell's file system had a
     * shape of its own and the shell's calls on it went megamorphic.
     */
    private readonly failing?: ReadonlySet<string>,
  ) {
    this.s = { dirs: host.dirs, modes: host.modes };
  }

  private readFile(path: string): string | undefined {
    if (isProc(path)) return procSysRead(this.host, path);
    return this.host.files.get(path) ?? defaultFile(this.host, path);
  }

  read(path: string): string | undefined {
    return this.isDir(path) ? undefined : this.readFile(path);
  }

  isDir(path: string): boolean {
    if (SKELETON.includes(path) || this.s.dirs.has(path)) return true;
    if (HTTPD_DIRS.includes(path) && this.host.modules.has('httpd')) return true;
    if (path.startsWith('/proc/sys')) return procSysIsDir(this.host, path);
    if (isProc(path)) return false;
    const prefix = path + '/';
    for (const f of this.host.files.keys()) if (f.startsWith(prefix)) return true;
    for (const d of this.s.dirs) if (d.startsWith(prefix)) return true;
    return false;
  }

  exists(path: string): boolean {
    return this.readFile(path) !== undefined || this.isDir(path);
  }

  list(path: string): string[] | undefined {
    if (!this.isDir(path)) return undefined;
    if (path.startsWith('/proc/sys')) return procSysList(this.host, path);
    const prefix = path === '/' ? '/' : path + '/';
    const names = new Set<string>();
    const candidates = [...SKELETON, ...this.s.dirs, ...this.host.files.keys(), ...DEFAULT_FILES];
    if (this.host.modules.has('httpd')) candidates.push(...HTTPD_DIRS);
    for (const p of candidates) {
      if (!p.startsWith(prefix) || p === path) continue;
      const name = p.slice(prefix.length).split('/')[0];
      if (name) names.add(name);
    }
    return [...names].sort();
  }

  openNet(path: string) {
    return isDevNet(path) ? openDevNet(this.host, path) : undefined;
  }

  write(path: string, data: string, append: boolean): string | undefined {
    if (this.failing?.has(path)) return 'No such file or directory';
    // Only bash's redirections know /dev/tcp and /dev/udp (openNet); to a program it is no file.
    if (isDevNet(path)) return 'No such file or directory';
    if (path.startsWith('/proc/sys/')) return procSysWrite(this.host, path, data);
    if (isProc(path)) return this.isDir(path) ? 'Is a directory' : 'No such file or directory';
    if (this.isDir(path)) return 'Is a directory';
    const parent = parentOf(path);
    if (!this.isDir(parent))
      return this.readFile(parent) !== undefined ? 'Not a directory' : 'No such file or directory';
    const old = this.readFile(path) ?? '';
    this.host.files.set(path, append ? old + data : data);
    this.host.sim.emit({ kind: 'file.write', host: this.host.name, path, append, data });
    return undefined;
  }

  checkWrite(path: string): string | undefined {
    if (this.failing?.has(path)) return 'No such file or directory';
    if (isDevNet(path)) return 'No such file or directory';
    if (path.startsWith('/proc/sys/')) {
      if (procSysIsDir(this.host, path)) return 'Is a directory';
      const key = procSysKey(path);
      return key !== undefined && this.host.sysctl.has(key) ? undefined : 'No such file or directory';
    }
    if (isProc(path)) return 'No such file or directory';
    if (this.isDir(path)) return 'Is a directory';
    return this.isDir(parentOf(path)) ? undefined : 'No such file or directory';
  }

  mkdir(path: string): string | undefined {
    if (this.exists(path)) return 'File exists';
    if (isProc(path) || !this.isDir(parentOf(path))) return 'No such file or directory';
    this.s.dirs.add(path);
    return undefined;
  }

  remove(path: string): string | undefined {
    if (!this.exists(path)) return 'No such file or directory';
    if (isProc(path)) return 'Permission denied';
    if (this.isDir(path)) {
      if ((this.list(path) ?? []).length > 0) return 'Directory not empty';
      if (!this.s.dirs.has(path)) return 'Device or resource busy';
      this.s.dirs.delete(path);
    } else if (this.host.files.has(path)) {
      this.host.files.delete(path);
      this.host.sim.emit({ kind: 'file.remove', host: this.host.name, path });
    } else return 'Permission denied';
    this.s.modes.delete(path);
    return undefined;
  }

  chmod(path: string, mode: number): string | undefined {
    if (!this.exists(path)) return 'No such file or directory';
    if (isProc(path)) return 'Operation not permitted';
    this.s.modes.set(path, mode & 0o7777);
    return undefined;
  }

  mode(path: string): number | undefined {
    if (!this.exists(path)) return undefined;
    const m = this.s.modes.get(path);
    if (m !== undefined) return m;
    if (path === '/tmp') return 0o1777;
    if (path === '/root') return 0o550;
    return this.isDir(path) ? 0o755 : 0o644;
  }
}

export function createHostFs(host: Host, failing?: ReadonlySet<string>): ShellFs {
  return new HostFs(host, failing);
}
