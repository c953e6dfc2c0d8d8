import type { LabId } from '@/engine';
import { isLabId } from '@/store/labSpec';

/** The app's pages as URLs (xyflow's config-as-route): `/`, `/lab/:id?seed=…&paused=1`, `/compare`. */
export type Route =
  | { page: 'home' }
  | { page: 'lab'; labId: LabId; seed: number | undefined; paused: boolean }
  | { page: 'compare'; paused: boolean };

export function parseRoute(pathname: string, search: string): Route {
  const q = new URLSearchParams(search);
  const paused = q.get('paused') === '1';
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'compare') return { page: 'compare', paused };
  if (parts[0] === 'lab' && isLabId(parts[1])) {
    const seedText = q.get('seed');
    const seed = seedText !== null && /^\d+$/.test(seedText) ? Number(seedText) : undefined;
    return { page: 'lab', labId: parts[1], seed, paused };
  }
  return { page: 'home' };
}

export function formatRoute(r: Route): string {
  if (r.page === 'home') return '/';
  if (r.page === 'compare') return r.paused ? '/compare?paused=1' : '/compare';
  const q = new URLSearchParams();
  if (r.seed !== undefined && r.seed !== 1) q.set('seed', String(r.seed));
  if (r.paused) q.set('paused', '1');
  const qs = q.toString();
  return `/lab/${r.labId}${qs ? `?${qs}` : ''}`;
}
