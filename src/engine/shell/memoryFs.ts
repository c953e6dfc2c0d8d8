/**
 * An in-memory ShellFs: plain files and folders with permission bits. Used by the tests and
 * usable as the base of a host's file system (a /proc layer can wrap it).
 */
import { normalizePath, parentOf } from './paths';
import type { ShellFs } from './types';

interface Node {
  dir: boolean;
  data: string;
  mode: number;
}

export interface MemoryFs extends ShellFs {
  mkdir(path: string): string | undefined;
  list(path: string): string[] | undefined;
  remove(path: string): string | undefined;
  chmod(path: string, mode: number): string | undefined;
  mode(path: string): number | undefined;
  /** Every file path with its content, sorted (for assertions). */
  snapshot(): Map<string, string>;
}

export interface MemoryFsInit {
  /** Files to create (parents are created); content as given. */
  files?: Readonly<Record<string, string>>;
  /** Extra folders. `/`, `/root` and `/tmp` always exist. */
  dirs?: readonly string[];
}

export function createMemoryFs(init: MemoryFsInit = {}): MemoryFs {
  const nodes = new Map<string, Node>([['/', { dir: true, data: '', mode: 0o755 }]]);
  const mkdirs = (path: string): void => {
    let cur = '';
    for (const seg of normalizePath(path)
      .split('/')
      .filter((s) => s !== '')) {
      cur += '/' + seg;
      if (!nodes.has(cur)) nodes.set(cur, { dir: true, data: '', mode: 0o755 });
    }
  };
  for (const d of ['/root', '/tmp', ...(init.dirs ?? [])]) mkdirs(d);
  for (const [path, data] of Object.entries(init.files ?? {})) {
    const p = normalizePath(path);
    mkdirs(parentOf(p));
    nodes.set(p, { dir: false, data, mode: 0o644 });
  }

  const fs: MemoryFs = {
    read: (path) => {
      const n = nodes.get(path);
      return n && !n.dir ? n.data : undefined;
    },
    write: (path, data, append) => {
      const n = nodes.get(path);
      if (n?.dir) return 'Is a directory';
      if (!nodes.get(parentOf(path))?.dir) return 'No such file or directory';
      if (n) n.data = append ? n.data + data : data;
      else nodes.set(path, { dir: false, data, mode: 0o644 });
      return undefined;
    },
    exists: (path) => nodes.has(path),
    isDir: (path) => nodes.get(path)?.dir === true,
    mkdir: (path) => {
      if (nodes.has(path)) return 'File exists';
      if (!nodes.get(parentOf(path))?.dir) return 'No such file or directory';
      nodes.set(path, { dir: true, data: '', mode: 0o755 });
      return undefined;
    },
    list: (path) => {
      if (!nodes.get(path)?.dir) return undefined;
      const prefix = path === '/' ? '/' : path + '/';
      const names: string[] = [];
      for (const p of nodes.keys()) {
        if (p !== path && p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
          names.push(p.slice(prefix.length));
      }
      return names.sort();
    },
    remove: (path) => {
      if (!nodes.has(path)) return 'No such file or directory';
      if ((fs.list(path) ?? []).length > 0) return 'Directory not empty';
      nodes.delete(path);
      return undefined;
    },
    chmod: (path, mode) => {
      const n = nodes.get(path);
      if (!n) return 'No such file or directory';
      n.mode = mode & 0o7777;
      return undefined;
    },
    mode: (path) => nodes.get(path)?.mode,
    snapshot: () => {
      const out = new Map<string, string>();
      for (const p of [...nodes.keys()].sort()) {
        const n = nodes.get(p);
        if (n && !n.dir) out.set(p, n.data);
      }
      return out;
    },
  };
  return fs;
}
