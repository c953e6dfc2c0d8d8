import type { ShellFs } from './types';

const ENOENT = 'No such file or directory';

/**
 * The host's file system, except that writes to the paths in `failing` fail as a missing
 * folder's do. Empty in every lab; tests fill it (TestLab.failWrites) to see how a script goes on
 * after a failed redirection, which a lab host's own files never produce.
 */
export function withWriteFaults(fs: ShellFs, failing: ReadonlySet<string>): ShellFs {
  const wrapped = Object.create(fs) as ShellFs;
  wrapped.write = (path, data, append) => (failing.has(path) ? ENOENT : fs.write(path, data, append));
  const check = fs.checkWrite?.bind(fs);
  if (check) wrapped.checkWrite = (path) => (failing.has(path) ? ENOENT : check(path));
  return wrapped;
}
