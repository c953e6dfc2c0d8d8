#!/usr/bin/env node
/**
 * lvs-lab: the headless lab runner (README, "The headless lab runner"). Runs a transcript of commands on
 * the engine, prints what a terminal would show (or JSON), and can write pcapng and the trace.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LabRuntime, pcapngStream, SEC } from '@/engine';
import { parseOptions, USAGE, UsageError } from './options';
import type { CliOptions } from './options';
import { BlockWriter, JsonArrayWriter } from './streamWriters';
import { parseTranscript, TranscriptError } from './transcript';
import type { TranscriptCommand } from './transcript';

export const VERSION = '0.1.0';

/**
 * Trace events the runner keeps in full detail beyond what it has written: it prints each
 * command's output and streams --trace and --pcap as it goes, so older detail is summarised and
 * a long transcript runs in bounded memory.
 */
export const RUNNER_KEEP_EVENTS = 1 << 14;

/** The C library's words for the errors a transcript file may meet. */
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
};

function readInput(file: string | undefined): string {
  try {
    return readFileSync(file === undefined || file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why = ERRNO_TEXT[code] ?? (code || 'read error');
    throw new UsageError(`cannot read ${file ?? 'standard input'}: ${why}`);
  }
}

/** --trace and --pcap, written after each command as the run goes (cli.md). */
function outputFiles(rt: LabRuntime, tracePath: string | undefined, pcapPath: string | undefined) {
  const trace = tracePath === undefined ? undefined : new JsonArrayWriter(tracePath);
  const pcap = pcapPath === undefined ? undefined : new BlockWriter(pcapPath);
  const frames = pcapngStream(rt.net);
  let nextFrame = 0;
  pcap?.add([frames.header()]);
  const flush = (): void => {
    if (trace) trace.add(rt.trace.slice(trace.written));
    if (pcap) {
      const got = frames.frames(nextFrame);
      pcap.add(got.bytes);
      nextFrame = got.next;
    }
  };
  return {
    flush,
    close(): void {
      flush();
      trace?.close();
      pcap?.close();
    },
  };
}

/** One transcript line: run it and print what a terminal shows (or its JSON row). The benchmark runs this too. */
export function runLine(
  rt: LabRuntime,
  c: Pick<TranscriptCommand, 'line' | 'host' | 'command'>,
  opts: Pick<CliOptions, 'json' | 'maxTimeS'>,
  write: (s: string) => void,
): void {
  const r = rt.exec({ host: c.host, command: c.command, maxTimeUs: Math.round(opts.maxTimeS * SEC) });
  if (opts.json) {
    write(
      `${JSON.stringify({ line: c.line, host: c.host, command: c.command, stdout: r.stdout, stderr: r.stderr, exit: r.exit, time: r.end / SEC })}\n`,
    );
  } else {
    write(`${promptLine(c.host, c.command)}${r.stdout}${r.stderr}${r.interrupted ? '^C\n' : ''}`);
  }
}

/**
 * `[root@HOST ~]# COMMAND` and its line break, kept for the last line printed: a transcript
 * often repeats a line (a loop of curls), and the prompt was a new string for every one.
 */
let lastPrompt = { host: '', command: '', text: '' };

function promptLine(host: string, command: string): string {
  const last = lastPrompt;
  if (host === last.host && command === last.command) return last.text;
  lastPrompt = { host, command, text: `[root@${host} ~]# ${command}\n` };
  return lastPrompt.text;
}

export function main(
  argv: readonly string[],
  write: (s: string) => void = (s) => process.stdout.write(s),
): number {
  let opts;
  try {
    opts = parseOptions(argv);
    if (opts.help) {
      write(USAGE);
      return 0;
    }
    if (opts.version) {
      write(`lvs-lab ${VERSION}\n`);
      return 0;
    }
    const text = readInput(opts.file);
    const rt = LabRuntime.create(opts.lab, {
      seed: opts.seed,
      bare: opts.bare,
      servers: opts.servers,
      clients: opts.clients,
    });
    const commands = parseTranscript(text, rt.hostNames(), (h, s) => rt.isComplete(h, s));
    const out = outputFiles(rt, opts.trace, opts.pcap);
    const writing = opts.trace !== undefined || opts.pcap !== undefined;
    // A writer reads each command's events after it ends: keep those until then.
    rt.boundTrace(RUNNER_KEEP_EVENTS, writing ? 0 : Infinity);
    for (const c of commands) {
      runLine(rt, c, opts, write);
      out.flush();
      if (writing) rt.pinTrace(rt.trace.length);
    }
    const tail = rt.finish();
    if (tail !== '' && !opts.json) write(tail);
    out.close();
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof TranscriptError) {
      process.stderr.write(`lvs-lab: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * Whether Node runs this file as its script. The bin is a link named `lvs-lab` (npm's), and
 * process.argv[1] keeps the link's path: compare real paths, not the name's ending.
 */
function isEntry(script: string | undefined): boolean {
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry(process.argv[1])) process.exitCode = main(process.argv.slice(2));
