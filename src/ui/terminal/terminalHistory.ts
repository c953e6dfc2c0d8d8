import type { CommandResult } from '@/engine';

export const prompt = (host: string) => `[root@${host} ~]# `;

export const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** The commands typed on a host, oldest first (↑ walks back through them). */
export function commandHistory(results: readonly CommandResult[], host: string): string[] {
  return results.filter((r) => r.host === host && !r.setup).map((r) => r.command);
}
