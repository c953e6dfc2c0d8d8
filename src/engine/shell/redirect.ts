/**
 * Redirections. A file opened for output is opened at once with `fs.write(path, '', append)`
 * (creating or truncating it, and surfacing open errors before the command runs); what the
 * command prints is collected and written with one `fs.write` when it ends. /dev/tcp and
 * /dev/udp connect while opening (`fs.openNet`) and are closed when the command ends, except
 * descriptors 3 and up opened by a bare `exec`, which stay in the shell's table.
 */
import type { Redirect } from './ast';
import { expandFields, expandText } from './expand';
import { parentOf, resolvePath } from './paths';
import { input, shellError, wait } from './runtime';
import type { Gen, Input, Io, Runtime, Sink } from './runtime';
import { getVar } from './state';
import type { NetConnection } from './types';

export interface OpenFile {
  path: string;
  append: boolean;
  data: string;
  /** A /dev/tcp or /dev/udp connection and the descriptor it went to (closed at the end). */
  net?: { conn: NetConnection; fd: number; keep?: boolean };
}

export interface Redirected {
  io: Io;
  files: OpenFile[];
}

const discard: Sink = () => undefined;

type Fds = [Input, Sink, Sink];

function* targetPath(rt: Runtime, r: Redirect, io: Io): Gen<string | undefined> {
  const fields = yield* expandFields(rt, [r.target], io);
  const first = fields[0];
  if (fields.length !== 1 || first === undefined || first === '') {
    shellError(rt, io, `${r.target.raw}: ambiguous redirect`);
    return undefined;
  }
  return first;
}

function openOutput(
  rt: Runtime,
  io: Io,
  name: string,
  append: boolean,
  files: OpenFile[],
  fds: Fds,
): Sink | undefined {
  if (name === '/dev/null') return discard;
  if (name === '/dev/stdout') return fds[1];
  if (name === '/dev/stderr') return fds[2];
  if (name === '/dev/tty') return rt.tty.out;
  const path = resolvePath(rt.state.cwd, name, getVar(rt.state, 'HOME') ?? '/root');
  let error: string | undefined;
  if (rt.fs.isDir(path)) error = 'Is a directory';
  else if (rt.fs.checkWrite) error = rt.fs.checkWrite(path);
  else if (!rt.fs.isDir(parentOf(path))) error = 'No such file or directory';
  error ??= rt.fs.write(path, '', append);
  if (error !== undefined) {
    shellError(rt, io, `${name}: ${error}`);
    return undefined;
  }
  const file: OpenFile = { path, append, data: '' };
  files.push(file);
  return (s) => {
    file.data += s;
  };
}

function readInput(rt: Runtime, io: Io, name: string): string | undefined {
  if (name === '/dev/null') return '';
  const path = resolvePath(rt.state.cwd, name, getVar(rt.state, 'HOME') ?? '/root');
  const text = rt.fs.read(path);
  if (text !== undefined) return text;
  if (rt.fs.isDir(path)) return '';
  shellError(rt, io, `${name}: No such file or directory`);
  return undefined;
}

/** A connection's write as a sink, made apart from where it is stored (docs/architecture.md, "Closures and young-generation GC"). */
function writerOf(conn: NetConnection): (s: string) => void {
  return (s) => conn.write(s);
}

/** Put a descriptor in place: 0–2 for this command, 3 and up in the shell's table. */
function setFd(rt: Runtime, fds: Fds, fd: number, conn: NetConnection): void {
  if (fd === 0) fds[0] = conn.input;
  else if (fd === 1 || fd === 2) fds[fd] = writerOf(conn);
  else (rt.state.netFds ??= new Map()).set(fd, conn);
}

/** `N>&M` / `N<&M` / `N>&-`. Returns false (after a message) on a bad descriptor. */
function duplicate(rt: Runtime, io: Io, fd: number, target: string, fds: Fds): boolean {
  if (target === '-') {
    if (fd === 0) fds[0] = input('');
    else if (fd === 1 || fd === 2) fds[fd] = discard;
    rt.state.netFds?.get(fd)?.close();
    rt.state.netFds?.delete(fd);
    return true;
  }
  const src = Number(target);
  const net = rt.state.netFds?.get(src);
  if (net && /^[0-9]+$/.test(target)) {
    setFd(rt, fds, fd, net);
    return true;
  }
  if (!/^[0-9]+$/.test(target) || src > 2) {
    shellError(rt, io, `${target}: Bad file descriptor`);
    return false;
  }
  if (fd === 1 || fd === 2) {
    const sink = src === 0 ? discard : fds[src as 1 | 2];
    fds[fd] = sink;
  }
  return true;
}

function defaultFd(op: Redirect['op']): number {
  return op.startsWith('<') ? 0 : 1;
}

function* applyOne(rt: Runtime, r: Redirect, io: Io, fds: Fds, files: OpenFile[]): Gen<boolean> {
  const fd = r.fd ?? defaultFd(r.op);
  if (r.op === '<<' || r.op === '<<-') {
    const body = r.heredoc?.body;
    const text = body ? (r.heredoc?.quoted ? body.raw : yield* expandText(rt, body, io)) : '';
    if (fd === 0) fds[0] = input(text);
    return true;
  }
  if (r.op === '<<<') {
    const text = (yield* expandText(rt, r.target, io)) + '\n';
    if (fd === 0) fds[0] = input(text);
    return true;
  }
  if ((r.op === '>&' || r.op === '<&') && /^([0-9]+|-)$/.test(r.target.raw))
    return duplicate(rt, io, fd, r.target.raw, fds);
  const name = yield* targetPath(rt, r, io);
  if (name === undefined) return false;
  const opening = rt.fs.openNet?.(name);
  if (opening) {
    // Ctrl-C while connecting unwinds like any wait (the half-open socket is left to time out).
    let step = opening.next();
    while (!step.done) {
      yield* wait(rt, step.value);
      step = opening.next();
    }
    const conn = step.value;
    if (Array.isArray(conn)) {
      for (const line of conn) shellError(rt, io, line);
      return false;
    }
    const both = r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === undefined);
    files.push({ path: name, append: false, data: '', net: { conn, fd } });
    setFd(rt, fds, fd, conn);
    if (both) setFd(rt, fds, 2, conn);
    return true;
  }
  if (r.op === '<' || r.op === '<>') {
    const text = readInput(rt, io, name);
    if (text === undefined) return false;
    if (fd === 0) fds[0] = input(text);
    return true;
  }
  const both = r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === undefined);
  const sink = openOutput(rt, io, name, r.op === '>>' || r.op === '&>>', files, fds);
  if (!sink) return false;
  if (both) {
    fds[1] = sink;
    fds[2] = sink;
  } else if (fd === 1 || fd === 2) fds[fd] = sink;
  return true;
}

/** Apply redirections in order. Undefined when one failed (its message printed on `io.err`). */
export function* applyRedirects(
  rt: Runtime,
  redirects: readonly Redirect[],
  io: Io,
): Gen<Redirected | undefined> {
  const fds: Fds = [io.stdin, io.out, io.err];
  const files: OpenFile[] = [];
  for (const r of redirects) {
    const errIo: Io = { ...io, err: fds[2] };
    if (!(yield* applyOne(rt, r, errIo, fds, files))) {
      closeRedirects(rt, files, io, undefined);
      return undefined;
    }
  }
  return { io: { stdin: fds[0], out: fds[1], err: fds[2] }, files };
}

/**
 * Write what the command printed into the files it redirected to. Returns 1 when a write
 * failed (bash: `bash: echo: write error: Invalid argument`), else 0.
 */
export function closeRedirects(
  rt: Runtime,
  files: readonly OpenFile[],
  io: Io,
  command: string | undefined,
): number {
  let status = 0;
  for (const f of files) {
    if (f.net) {
      if (f.net.keep) continue;
      f.net.conn.close();
      if (rt.state.netFds?.get(f.net.fd) === f.net.conn) rt.state.netFds.delete(f.net.fd);
      continue;
    }
    if (f.data === '') continue;
    const error = rt.fs.write(f.path, f.data, f.append);
    if (error !== undefined) {
      shellError(rt, io, `${command === undefined ? '' : command + ': '}write error: ${error}`);
      status = 1;
    }
  }
  return status;
}
