/**
 * The transcript format (README, "The headless lab runner"): one command per line, prefixed `host#` or
 * `[user@host dir]#`; blank and `#` lines between commands are skipped; a heredoc or an
 * unfinished construct continues on the following lines verbatim until it is complete.
 */
export interface TranscriptCommand {
  line: number;
  host: string;
  command: string;
}

export class TranscriptError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const PROMPT = /^\s*(?:\[[^@\]\s]+@([A-Za-z0-9_.-]+)(?:\s+[^\]]*)?\]#|([A-Za-z0-9_.-]+)#)\s?(.*)$/;

export function parseTranscript(
  text: string,
  hosts: readonly string[],
  isComplete: (host: string, source: string) => boolean,
): TranscriptCommand[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out: TranscriptCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').replace(/\r$/, '');
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const m = PROMPT.exec(raw);
    const host = m?.[1] ?? m?.[2];
    if (!m || host === undefined || !hosts.includes(host)) {
      throw new TranscriptError(
        i + 1,
        `no known host prompt (expected one of ${hosts.map((h) => `${h}#`).join(', ')})`,
      );
    }
    const start = i + 1;
    let command = m[3] ?? '';
    while (!isComplete(host, command)) {
      if (i + 1 >= lines.length) throw new TranscriptError(start, 'unfinished command at end of transcript');
      i++;
      command += `\n${(lines[i] ?? '').replace(/\r$/, '')}`;
    }
    out.push({ line: start, host, command });
  }
  return out;
}
