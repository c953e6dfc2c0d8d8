/**
 * Script files: `bash FILE args`, `sh FILE`, `./FILE`, `bash -c CMD`, `source FILE` / `. FILE`
 * and `eval`. A script run by `bash` or `./` gets a child shell: only exported variables,
 * no functions, its own positional parameters and `$0` (the path as given).
 */
import { shellQuote } from './quote';
import { ExitSignal, ReturnSignal } from './errors';
import { baseName, dirName, resolvePath } from './paths';
import { runProgram } from './context';
import { isPipe, writerDone } from './pipe';
import { charge, MAX_DEPTH, shellError, withState } from './runtime';
import type { Builtin, Gen, Io, Runtime } from './runtime';
import { createState } from './state';
import type { ShellMode, ShellState } from './state';

/** Folders where the host's programs live: `/usr/sbin/ipvsadm` runs ipvsadm. */
const BIN_DIRS: ReadonlySet<string> = new Set([
  '/bin',
  '/sbin',
  '/usr/bin',
  '/usr/sbin',
  '/usr/local/bin',
  '/usr/local/sbin',
]);

interface ChildOptions {
  arg0: string;
  args: string[];
  mode: ShellMode;
  xtrace?: boolean;
  errexit?: boolean;
}

function childState(rt: Runtime, o: ChildOptions): ShellState {
  const parent = rt.state;
  const s = createState({
    cwd: parent.cwd,
    pid: rt.sched.nextPid++,
    hostname: rt.host.hostname,
    arg0: o.arg0,
  });
  s.vars.delete('PS1');
  for (const [k, v] of parent.vars) if (v.exported) s.vars.set(k, { ...v });
  s.positional = o.args;
  s.mode = o.mode;
  s.depth = parent.depth + 1;
  s.options.xtrace = o.xtrace ?? false;
  s.options.errexit = o.errexit ?? false;
  return s;
}

/** Run source text in a child shell; `exit` ends only the child. */
function* runChild(rt: Runtime, source: string, io: Io, o: ChildOptions): Gen<number> {
  if (rt.state.depth >= MAX_DEPTH) {
    shellError(rt, io, `${o.arg0}: maximum nesting level exceeded`);
    return 1;
  }
  charge(rt, rt.sched.cpu.costs.processStartNs);
  const child = withState(rt, childState(rt, o));
  try {
    return yield* rt.exec(child, source, io, 1);
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.status;
    throw e;
  }
}

/** `./x.sh`, `/root/x.sh`, `/usr/sbin/ipvsadm`: a name with a slash. */
export function* runPathCommand(
  rt: Runtime,
  name: string,
  argv: string[],
  env: ReadonlyMap<string, string>,
  io: Io,
): Gen<number> {
  const path = resolvePath(rt.state.cwd, name);
  if (rt.fs.isDir(path)) {
    shellError(rt, io, `${name}: Is a directory`);
    return 126;
  }
  const text = rt.fs.read(path);
  if (text === undefined) {
    const impl = rt.host.commands.get(baseName(path)) ?? rt.utilities.get(baseName(path));
    if (impl && BIN_DIRS.has(dirName(path))) return yield* runProgram(rt, impl, argv, io, env);
    shellError(rt, io, `${name}: No such file or directory`);
    return 127;
  }
  const mode = rt.fs.mode?.(path);
  if (mode !== undefined && (mode & 0o111) === 0) {
    shellError(rt, io, `${name}: Permission denied`);
    return 126;
  }
  return yield* runChild(rt, text, io, { arg0: name, args: argv.slice(1), mode: { kind: 'script', name } });
}

/** `bash [-x] [-e] FILE args`, `bash -c CMD [arg0 args]`, or a script on standard input. */
export const bashBuiltin: Builtin = function* (rt, argv, io) {
  let i = 1;
  const flags = { xtrace: false, errexit: false, command: false };
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (!/^-[a-z]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'x') flags.xtrace = true;
      else if (f === 'e') flags.errexit = true;
      else if (f === 'c') flags.command = true;
    }
  }
  const rest = argv.slice(i);
  const shell = argv[0] ?? 'bash';
  if (flags.command) {
    const [source, arg0, ...args] = rest;
    if (source === undefined) {
      io.err(`${shell}: -c: option requires an argument\n`);
      return 2;
    }
    return yield* runChild(rt, source, io, {
      arg0: arg0 ?? shell,
      args,
      mode: { kind: 'command' },
      ...flags,
    });
  }
  const [file, ...args] = rest;
  if (file === undefined) {
    if (isPipe(io.stdin) && io.stdin.open) yield writerDone(io.stdin);
    const source = io.stdin.text.slice(io.stdin.pos);
    io.stdin.pos = io.stdin.text.length;
    return yield* runChild(rt, source, io, { arg0: shell, args: [], mode: { kind: 'command' }, ...flags });
  }
  const path = resolvePath(rt.state.cwd, file);
  if (rt.fs.isDir(path)) {
    io.err(`${file}: ${file}: Is a directory\n`);
    return 126;
  }
  const text = rt.fs.read(path);
  if (text === undefined) {
    io.err(`${shell}: ${file}: No such file or directory\n`);
    return 127;
  }
  return yield* runChild(rt, text, io, { arg0: file, args, mode: { kind: 'script', name: file }, ...flags });
};

/** `source FILE [args]` / `. FILE`: run in this shell; `return` ends the file. */
export const sourceBuiltin: Builtin = function* (rt, argv, io) {
  const file = argv[1];
  if (file === undefined) {
    shellError(rt, io, `${argv[0] ?? 'source'}: filename argument required`);
    return 2;
  }
  const text = rt.fs.read(resolvePath(rt.state.cwd, file));
  if (text === undefined) {
    shellError(rt, io, `${file}: No such file or directory`);
    return 1;
  }
  const s = rt.state;
  const saved = { positional: s.positional, mode: s.mode, line: s.line };
  if (argv.length > 2) s.positional = argv.slice(2);
  s.mode = { kind: 'script', name: file };
  s.returnable++;
  s.depth++;
  try {
    if (s.depth >= MAX_DEPTH) {
      shellError(rt, io, `${file}: maximum nesting level exceeded`);
      return 1;
    }
    return yield* rt.exec(rt, text, io, 1);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    if (argv.length > 2) s.positional = saved.positional;
    s.mode = saved.mode;
    s.line = saved.line;
    s.returnable--;
    s.depth--;
  }
};

/** `eval ARGS`: the arguments joined by spaces, run as a command line here. */
/**
 * `exec` alone applies its redirections to the shell (simpleExec keeps the descriptors); with a
 * command it runs it (the lab's shell then carries on where bash's process would be replaced).
 */
export const execBuiltin: Builtin = function* (rt, argv, io) {
  if (argv.length === 1) return 0;
  return yield* rt.exec(rt, argv.slice(1).map(shellQuote).join(' '), io, rt.state.line, 'exec');
};

export const evalBuiltin: Builtin = function* (rt, argv, io) {
  const source = argv.slice(1).join(' ');
  if (rt.state.depth >= MAX_DEPTH) {
    shellError(rt, io, 'eval: maximum nesting level exceeded');
    return 1;
  }
  rt.state.depth++;
  try {
    return yield* rt.exec(rt, source, io, 1, 'eval');
  } finally {
    rt.state.depth--;
  }
};
