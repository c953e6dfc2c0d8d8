import type { LabId, LabSize } from '@/engine';
import { formatUrlParams } from '@/embed/urlParams';

/** A lab's address with its size; the default size is left out, so old links stay as they were. */
export function labCardHref(labId: LabId, size: LabSize, opts: { bare?: boolean } = {}): string {
  return formatUrlParams({
    lab: labId,
    ...(opts.bare ? { bare: true } : {}),
    ...(size.servers !== 2 ? { servers: size.servers } : {}),
    ...(size.clients !== 1 ? { clients: size.clients } : {}),
  });
}
