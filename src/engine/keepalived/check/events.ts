/** Trace events of the checker child, declared next to the code that emits them. */
import type { Ipv4 } from '../../packet/types';

/** One check attempt's outcome against a real server. */
export interface CheckResultEvent {
  kind: 'keepalived.check';
  host: string;
  checker: 'HTTP_GET' | 'SSL_GET' | 'TCP_CHECK' | 'MISC_CHECK';
  rs: Ipv4;
  port: number;
  ok: boolean;
  /** keepalived's reason words on failure ('Error connecting', 'Timeout connecting', …). */
  reason: string | null;
}

/** A real server went out of or back into a virtual service (the Removing/Adding lines). */
export interface RealServerStateEvent {
  kind: 'keepalived.rs';
  host: string;
  vs: string;
  rs: Ipv4;
  port: number;
  up: boolean;
  inhibit: boolean;
}

/** A virtual service lost or regained its quorum. */
export interface QuorumEvent {
  kind: 'keepalived.quorum';
  host: string;
  vs: string;
  up: boolean;
  weight: number;
}
