/** cd and pwd. */
import { resolvePath } from '../paths';
import { shellError } from '../runtime';
import type { Builtin } from '../runtime';
import { getVar, setVar } from '../state';

/* eslint-disable require-yield -- builtins share the generator signature */

export const cdBuiltin: Builtin = function* (rt, argv, io) {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  if (args.length > 1) {
    shellError(rt, io, 'cd: too many arguments');
    return 1;
  }
  const s = rt.state;
  let target = args[0];
  let print = false;
  if (target === undefined || target === '') {
    target = getVar(s, 'HOME');
    if (target === undefined) {
      shellError(rt, io, 'cd: HOME not set');
      return 1;
    }
  } else if (target === '-') {
    target = getVar(s, 'OLDPWD');
    if (target === undefined) {
      shellError(rt, io, 'cd: OLDPWD not set');
      return 1;
    }
    print = true;
  }
  const path = resolvePath(s.cwd, target, getVar(s, 'HOME') ?? '/root');
  if (!rt.fs.isDir(path)) {
    const why = rt.fs.exists(path) ? 'Not a directory' : 'No such file or directory';
    shellError(rt, io, `cd: ${target}: ${why}`);
    return 1;
  }
  setVar(s, 'OLDPWD', s.cwd);
  s.cwd = path;
  setVar(s, 'PWD', path);
  if (print) io.out(path + '\n');
  return 0;
};

export const pwdBuiltin: Builtin = function* (rt, _argv, io) {
  io.out(rt.state.cwd + '\n');
  return 0;
};
