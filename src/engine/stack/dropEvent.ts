/**
 * A packet (or a socket's send) was dropped. Emitted wherever the kernel would free the skb
 * with a reason: `reason` is a stable code the views translate (reason.* in the catalogs);
 * the optional fields say where and what.
 */
export interface DropEvent {
  kind: 'drop';
  host: string;
  /** The packet; absent when a socket could not even route its segment. */
  pkt?: string;
  reason: string;
  dev?: string | null;
  hook?: string;
  ttl?: number;
  mtu?: number;
  port?: number;
  protocol?: number;
  dest?: string;
  dst?: string;
  ip?: string;
  sock?: string;
}
