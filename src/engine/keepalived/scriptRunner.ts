/**
 * How keepalived runs a script (MISC_CHECK, vrrp_script, notify): the lab gives each host a
 * runner that executes a command line in a fresh shell of that host, in virtual time.
 */
import type { Host } from '../stack/host';

/** Runs `command`; calls `done` with its exit status, or 'timeout' after `timeoutUs` (0 = none). */
export type ScriptRunner = (
  command: string,
  timeoutUs: number,
  done: (exit: number | 'timeout') => void,
) => void;

export function setScriptRunner(host: Host, runner: ScriptRunner): void {
  host.scriptRunner = runner;
}

/** Without a runner (a bare engine test), the script cannot be found: exit 127, as bash says. */
export function runScript(
  host: Host,
  command: string,
  timeoutUs: number,
  done: (exit: number | 'timeout') => void,
): void {
  const r = host.scriptRunner;
  if (r) r(command, timeoutUs, done);
  else host.sim.after(0, 'script', () => done(127));
}
