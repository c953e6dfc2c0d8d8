import { catalogFromEngine } from '@/embed/labHosts';
import { shareHead } from '@/embed/shareHead';
import { decodeShare } from '@/embed/shareString';
import { getLab } from '@/engine/labData';
import type { LabDefinition, LabId } from '@/engine/labData';
import type { Route } from '../router/route';

/**
 * The lab a page is about to show, read from its address alone (`?lab=`, the size, or the lab a
 * share string names), so its topology can be drawn while the engine loads. Undefined when the
 * address does not say (a lesson picks its own lab, an unreadable share string): the app decides
 * once loaded, and a guess that turns out wrong is simply redrawn.
 */
export function bootLabOf(route: Route): LabDefinition | undefined {
  if (route.page !== 'lab') return undefined;
  const p = route.params;
  // The head of the string names the lab: decoding a long log first cost the sketch ~5-40 ms.
  const shared =
    p.state === undefined
      ? undefined
      : (shareHead(p.state) ?? decodeShare(p.state, catalogFromEngine({ getLab })));
  if (p.state !== undefined && !shared) return undefined;
  if (!shared && p.lab === undefined) return undefined;
  try {
    return getLab(shared?.labId ?? route.labId, {
      servers: shared?.servers ?? p.servers,
      clients: shared?.clients ?? p.clients,
    });
  } catch {
    return undefined; // a size out of bounds: the app says so once loaded
  }
}

/** A stored lab's definition (its id and size), for the sketch shown while its log replays. */
export function specLabOf(spec: {
  labId: LabId;
  servers?: number | undefined;
  clients?: number | undefined;
}): LabDefinition | undefined {
  try {
    return getLab(spec.labId, { servers: spec.servers, clients: spec.clients });
  } catch {
    return undefined;
  }
}
