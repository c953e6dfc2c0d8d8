import type { LabId } from '@/engine';
import { formatUrlParams, parseUrlParams } from '@/embed/urlParams';
import type { UrlParams } from '@/embed/urlParams';
import { isLabId, LAB_IDS } from '@/store/labSpec';

/**
 * The app's pages, all in the query string (never the path, so the app works at any sub-path of
 * any static server and from file://): `?lab=dr`, `?view=compare`, nothing for the lab list.
 */
export type Route =
  | { page: 'home'; params: UrlParams }
  | { page: 'lab'; labId: LabId; params: UrlParams }
  | { page: 'compare'; paused: boolean; params: UrlParams };

export function parseRoute(search: string, hash = ''): Route {
  const params = parseUrlParams(search, hash, { labs: LAB_IDS });
  if (params.view === 'compare') return { page: 'compare', paused: params.paused === true, params };
  // A share string names its own lab (the app reads it); an embed and a lesson always show a lab.
  const lesson = params.lesson !== undefined || params.lessonUrl !== undefined;
  if (params.lab !== undefined || params.state !== undefined || params.embed || lesson) {
    const labId = isLabId(params.lab) ? params.lab : 'nat';
    return { page: 'lab', labId, params };
  }
  return { page: 'home', params };
}

/** The href of a lab (relative: only the query string changes), optionally a bare start. */
export function labHref(labId: LabId, opts: { bare?: boolean } = {}): string {
  return formatUrlParams({ lab: labId, ...(opts.bare ? { bare: true } : {}) });
}

export const HOME_HREF = '?';
export const COMPARE_HREF = formatUrlParams({ view: 'compare' });
