/**
 * The contracts between the lab shell and everything that plugs into it: the commands
 * (ipvsadm, ip, sysctl, curl ... written elsewhere), the host's file system and the driver
 * that lets virtual time pass while a command runs.
 */

import type { Pipe } from './pipe';

/**
 * What a running command hands to the simulation driver so that virtual time can pass.
 * - `sleep`: let `us` microseconds of virtual time pass (0 = just give the driver a turn).
 * - `until`: run the simulation until `done()` holds, or until the absolute virtual time
 *   `deadlineUs` (when given) is reached, whichever comes first.
 */
export type Wait =
  { kind: 'sleep'; us: number } | { kind: 'until'; done: () => boolean; deadlineUs?: number };

/**
 * The host's file system as the shell sees it. Every path is absolute and normalised
 * (the shell resolves relative paths against its cwd and `~` to /root before calling).
 */
export interface ShellFs {
  /** The file's content, or undefined when it does not exist or is a folder. */
  read(path: string): string | undefined;
  /**
   * Write `data` to the file (create it when missing). `append` false truncates first.
   * Returns undefined on success or an error text such as `No such file or directory`,
   * `Is a directory` or `Invalid argument`.
   *
   * How a redirection (`>`, `>>`, `&>`) uses it: when it opens the file, before the command
   * runs, `write(path, '', append)` (create / truncate; a /proc file should accept and ignore
   * the empty write); when the command ends, one `write(path, output, append)` with everything
   * the command printed there (skipped when it printed nothing). An error at the first call is
   * reported as `bash: PATH: ERROR` and the command does not run; at the second as
   * `bash: CMD: write error: ERROR` (what `echo abc > /proc/sys/net/ipv4/ip_forward` prints).
   */
  write(path: string, data: string, append: boolean): string | undefined;
  exists(path: string): boolean;
  isDir(path: string): boolean;
  /**
   * Optional check made when a redirection opens `path` for writing, before the empty write
   * above: undefined when it may be opened, else the error text (`Permission denied`,
   * `No such file or directory` for a /proc entry that does not exist ...). Without it the shell
   * checks that the path is not a folder and that its parent folder exists.
   */
  checkWrite?(path: string): string | undefined;
  /** Create a folder; undefined on success, else the error text (`File exists` ...). */
  mkdir?(path: string): string | undefined;
  /** Names (not paths) of a folder's entries, sorted; undefined when not a folder. */
  list?(path: string): string[] | undefined;
  /** Remove a file or an empty folder; undefined on success, else the error text. */
  remove?(path: string): string | undefined;
  /** Set the permission bits (e.g. 0o755); undefined on success, else the error text. */
  chmod?(path: string, mode: number): string | undefined;
  /** Permission bits of an existing path. Without it every file counts as executable. */
  mode?(path: string): number | undefined;
  /**
   * bash's /dev/tcp/HOST/PORT and /dev/udp/HOST/PORT: undefined for any other path, else a
   * generator that connects (letting virtual time pass) and returns the connection or bash's
   * error lines (without the `bash: ` prefix).
   */
  openNet?(path: string): Generator<Wait, NetConnection | string[], void> | undefined;
}

/** An open /dev/tcp or /dev/udp descriptor (devNet.ts). */
export interface NetConnection {
  readonly path: string;
  /** What the peer sent; its `open` turns false once the peer closed or the socket failed. */
  readonly input: Pipe;
  write(s: string): void;
  close(): void;
}

/** The machine a shell runs on. */
export interface ShellHost {
  readonly hostname: string;
  /** Virtual time in microseconds. */
  now(): number;
  /** The host's programs by name (ipvsadm, ip, curl ...). They take precedence over coreutils. */
  readonly commands: CommandLookup;
}

/** How a shell finds a host's programs: a Map will do, as does tools/registry.ts's `HostCommands`. */
export type CommandLookup = Pick<ReadonlyMap<string, CommandImpl>, 'get' | 'has'>;

/** Everything a command sees while it runs: the process it would be on Linux. */
export interface CommandContext {
  /** argv[0] is the command name as typed. */
  readonly argv: string[];
  /** Standard input, complete (empty for a program marked `streamsStdin`: it uses readChunk). */
  readonly stdin: string;
  /** The next piece of standard input, undefined at its end (may wait for a pipe's writer). */
  readChunk?(): Generator<Wait, string | undefined, void>;
  out(s: string): void;
  err(s: string): void;
  /** The exported environment, plus `VAR=x cmd` prefixes. */
  readonly env: ReadonlyMap<string, string>;
  readonly fs: ShellFs;
  readonly host: ShellHost;
  /** Absolute working folder; resolve relative path arguments against it (see paths.ts). */
  readonly cwd: string;
  /** True once the user pressed Ctrl-C; a command may check it to stop early. */
  interrupted(): boolean;
}

/**
 * A command: a generator that yields Waits while virtual time must pass and returns its exit
 * status. When interrupted the shell stops resuming it and calls `return()` so `finally`
 * blocks run.
 */
export interface CommandImpl {
  (ctx: CommandContext): Generator<Wait, number, void>;
  /**
   * The program reads standard input as it comes, with `ctx.readChunk()` (wc, cat …): in a
   * pipeline it runs alongside its writer. Without it, `ctx.stdin` holds the whole input and the
   * program starts reading once its writer has ended.
   */
  streamsStdin?: boolean;
}

/**
 * Wrap a synchronous command (one that never lets time pass) as a CommandImpl. The generator is
 * one shared function, not one made per wrap: a program is wrapped per host, and a generator
 * function made per host gets, on its first call, an old-space map pointing back at it, which
 * kept the host (and its lab) alive through young-generation GCs (docs/architecture.md,
 * "Closures and young-generation GC").
 */
export function simple(fn: (ctx: CommandContext) => number): CommandImpl {
  return (ctx) => runSimple(fn, ctx);
}

// eslint-disable-next-line require-yield
function* runSimple(fn: (ctx: CommandContext) => number, ctx: CommandContext): Generator<Wait, number, void> {
  return fn(ctx);
}
