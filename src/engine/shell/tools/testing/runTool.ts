/**
 * Test harness: run one CommandImpl on a lab host the way the shell would (a CommandContext
 * over createHostFs, Waits driven by the production driver's advancePending on the lab's
 * clock), collecting stdout, stderr and the status.
 * `interruptAfterUs` plays Ctrl-C: the driver stops resuming the command and calls return().
 */
import { SEC } from '../../../core/sim';
import { advancePending, pendingWait } from '../../../runtime/commandDriver';
import type { Network } from '../../../stack/network';
import { createHostFs } from '../../hostFs';
import type { CommandImpl, ShellHost } from '../../types';

export interface ToolRun {
  out: string;
  err: string;
  status: number;
  /** Virtual time (us) when the command returned. */
  endUs: number;
}

export interface RunOptions {
  stdin?: string;
  cwd?: string;
  interruptAfterUs?: number;
  /** Give up waiting after this much virtual time (default 600 s). */
  maxUs?: number;
  commands?: ReadonlyMap<string, CommandImpl>;
}

export function runTool(
  net: Network,
  hostName: string,
  impl: CommandImpl,
  argv: string[],
  o: RunOptions = {},
): ToolRun {
  const host = net.host(hostName);
  const sim = net.sim;
  let out = '';
  let err = '';
  let interrupted = false;
  const start = sim.now;
  const shellHost: ShellHost = { hostname: host.name, now: () => sim.now, commands: o.commands ?? new Map() };
  const gen = impl({
    argv,
    stdin: o.stdin ?? '',
    out: (s) => (out += s),
    err: (s) => (err += s),
    env: new Map([['HOME', '/root']]),
    fs: createHostFs(host),
    host: shellHost,
    cwd: o.cwd ?? '/root',
    interrupted: () => interrupted,
  });
  const limit = start + (o.maxUs ?? 600 * SEC);
  const stopAt = o.interruptAfterUs === undefined ? Infinity : start + o.interruptAfterUs;
  let r = gen.next();
  while (!r.done) {
    // The production driver's primitives (runtime/commandDriver.ts) let the wait's time pass.
    const over = advancePending(sim, pendingWait(sim, r.value), Math.min(stopAt, limit));
    if (!over || sim.now >= stopAt || sim.now >= limit) {
      interrupted = true;
      const ret = gen.return(130);
      return { out, err, status: typeof ret.value === 'number' ? ret.value : 130, endUs: sim.now };
    }
    r = gen.next();
  }
  return { out, err, status: r.value, endUs: sim.now };
}

/**
 * Run a whitespace-separated command line (no quoting) with the host's network tools; the
 * harness the tool tests share. `commands` supplies the table (usually networkCommands).
 */
export function runLine(
  net: Network,
  hostName: string,
  commands: ReadonlyMap<string, CommandImpl>,
  line: string,
  o: RunOptions = {},
): ToolRun {
  const argv = line.split(/\s+/).filter((w) => w !== '');
  const impl = commands.get(argv[0] ?? '');
  if (!impl) throw new Error(`no command ${argv[0] ?? ''}`);
  return runTool(net, hostName, impl, argv, o);
}
