/** yes [STRING...]: the line (default `y`) forever, a chunk at a time, until its reader ends (SIGPIPE) or Ctrl-C. */
import type { CommandImpl } from '../types';

/** Lines per write: GNU fills an 8 KiB buffer; a larger chunk keeps the shell's turn count low. */
const CHUNK_BYTES = 8192;

export const yesCommand: CommandImpl = function* (ctx) {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  const line = `${args.length > 0 ? args.join(' ') : 'y'}\n`;
  const chunk = line.repeat(Math.max(1, Math.floor(CHUNK_BYTES / line.length)));
  for (;;) {
    ctx.out(chunk);
    yield { kind: 'sleep', us: 0 };
    if (ctx.interrupted()) return 130;
  }
};
