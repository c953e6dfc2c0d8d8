/** What one ipvsadm process works with: its host, its output streams and its name lookups. */
import type { Host } from '../../../stack/host';
import type { Resolver } from './netdb';

export interface RunCtx {
  readonly host: Host;
  out(s: string): void;
  err(s: string): void;
  readonly names: Resolver;
  /** Standard input, for -R. */
  readonly stdin: string;
}

/** C's `return -1` from main. */
export const EXIT_FAILURE_255 = 255;
