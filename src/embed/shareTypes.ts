import type { LabId } from '@/engine';
import type { StableCursor } from './stableCursor';
import type { Lang, SchemeName } from './urlParams';

/** One command of a lab's log (the same shape as the store's LogEntry). */
export interface ShareLogEntry {
  host: string;
  command: string;
  /** Virtual µs after which the command was interrupted (Ctrl-C). */
  maxTimeUs?: number;
}

/** Everything a share link holds. */
export interface ShareState {
  labId: LabId;
  seed: number;
  bare: boolean;
  servers: number;
  clients: number;
  log: ShareLogEntry[];
  /** Where playback stands; absent means "at the end". */
  cursor?: StableCursor;
  lang?: Lang;
  scheme?: SchemeName;
  /** Fields a later version added (e.g. a lesson): kept and written back unchanged. */
  extra?: Record<string, unknown>;
}

export const MAX_LOG_ENTRIES = 5000;
export const MAX_COMMAND_CHARS = 16_384;
export const MAX_KIND_CHARS = 64;
export const DEFAULT_SERVERS = 2;
export const DEFAULT_CLIENTS = 1;
