import type { CommandResult, LabRuntime } from '@/engine';
import { engine } from './engine';
import { sizeOf } from './labSpec';
import type { LabSpec, LogEntry } from './labSpec';

interface Entry {
  runtime: LabRuntime;
  log: LogEntry[];
}

/**
 * The engine instances live here, outside React and the store: one per (lab, seed, bare, size),
 * extended in place when the log grows and rebuilt by replaying the log when it forks.
 */
const cache = new Map<string, Entry>();

function keyOf(spec: LabSpec): string {
  const { servers, clients } = sizeOf(spec);
  return `${spec.labId}|${spec.seed}|${spec.bare ? 1 : 0}|${servers}|${clients}`;
}

function sameEntry(a: LogEntry, b: LogEntry): boolean {
  return a.host === b.host && a.command === b.command && a.maxTimeUs === b.maxTimeUs;
}

function isPrefix(prefix: readonly LogEntry[], log: readonly LogEntry[]): boolean {
  return prefix.length <= log.length && prefix.every((e, i) => sameEntry(e, log[i]!));
}

function execEntry(rt: LabRuntime, e: LogEntry): void {
  rt.exec({
    host: e.host,
    command: e.command,
    ...(e.maxTimeUs !== undefined ? { maxTimeUs: e.maxTimeUs } : {}),
  });
}

/** The runtime for a lab spec: the cached one when the log extends what it ran, else a replay. */
export function getRuntime(spec: LabSpec): LabRuntime {
  const key = keyOf(spec);
  let entry = cache.get(key);
  if (!entry || !isPrefix(entry.log, spec.log)) {
    entry = {
      runtime: engine().LabRuntime.create(spec.labId, { seed: spec.seed, bare: spec.bare }),
      log: [],
    };
    cache.set(key, entry);
  }
  for (let i = entry.log.length; i < spec.log.length; i++) {
    const e = spec.log[i]!;
    execEntry(entry.runtime, e);
    entry.log.push(e);
  }
  return entry.runtime;
}

/**
 * A live command ended on the runtime cached for `spec` minus its last entry: that entry is now
 * part of what the runtime ran, so the spec maps to it without a replay.
 */
export function recordLive(spec: LabSpec, entry: LogEntry): void {
  const cached = cache.get(keyOf(spec));
  if (cached && cached.log.length === spec.log.length - 1 && isPrefix(cached.log, spec.log))
    cached.log.push(entry);
}

/** Drop every cached runtime (tests, and "reset lab"). */
export function clearRuntimeCache(): void {
  cache.clear();
}

/** Results of the commands the user typed (not the lab's configured steps). */
export function userResults(rt: LabRuntime): CommandResult[] {
  return rt.results.filter((r) => !r.setup);
}

/** Trace position right after the lab's configured steps: where a fresh session starts. */
export function setupEnd(rt: LabRuntime): number {
  let end = 0;
  for (const r of rt.results) if (r.setup) end = r.traceTo;
  return end;
}
