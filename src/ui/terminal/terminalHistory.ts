import type { CommandResult, RunningCommand } from '@/engine';

export const prompt = (host: string) => `[root@${host} ~]# `;

export const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** What a host's terminal shows: each command with its prompt and output; the lab's own setup dimmed. */
export function historyText(results: readonly CommandResult[], host: string, setupNote: string): string {
  let out = '';
  let inSetup = false;
  for (const r of results) {
    if (r.host !== host) continue;
    if (r.setup && !inSetup) out += `\x1b[2m# ${setupNote}\x1b[0m\r\n`;
    inSetup = r.setup;
    const p = r.setup
      ? `\x1b[2m${prompt(host)}${crlf(r.command)}\x1b[0m`
      : `\x1b[1m${prompt(host)}\x1b[0m${crlf(r.command)}`;
    out += `${p}\r\n${crlf(r.stdout)}`;
    if (r.stderr) out += `\x1b[31m${crlf(r.stderr)}\x1b[0m`;
    if (r.interrupted) out += '^C\r\n';
  }
  return out;
}

/** The commands typed on a host, oldest first (↑ walks back through them). */
export function commandHistory(results: readonly CommandResult[], host: string): string[] {
  return results.filter((r) => r.host === host && !r.setup).map((r) => r.command);
}

/** The command running now on a host: its line and what it printed so far (more streams in). */
export function runningText(run: RunningCommand): string {
  const { stdout, stderr } = run.output;
  let out = `\x1b[1m${prompt(run.host)}\x1b[0m${crlf(run.command)}\r\n${crlf(stdout)}`;
  if (stderr) out += `\x1b[31m${crlf(stderr)}\x1b[0m`;
  return out;
}
