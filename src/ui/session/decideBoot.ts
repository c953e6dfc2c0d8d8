import type { LabId } from '@/engine';
import type { UrlParams } from '@/embed/urlParams';
import { emptySpec, sameWork, withSize } from '@/store/labSpec';
import type { LabSpec } from '@/store/labSpec';
import type { SharedLab } from '@/store/share';

/**
 * Which store a page of the app works in:
 * - main: the student's own saved work (localStorage), one session per lab;
 * - link: a lab opened from a link that differs from saved work — kept in memory and in the
 *   page's own URL, so the saved work is never replaced without the student asking;
 * - embed: an embedded instance, in memory and its frame's URL only, apart from every other.
 */
export type SessionMode = 'main' | 'link' | 'embed';

/** What the app wrote into this tab's address bar last (sessionStorage): a reload is not a link. */
export interface OwnUrl {
  state: string;
  mode: SessionMode;
}

export interface Boot {
  mode: SessionMode;
  labId: LabId;
  /** Open exactly this lab; absent: the store's saved session for labId. */
  spec?: LabSpec;
  shared?: SharedLab;
}

/** The lab a URL asks for by its parameters alone (`bare`, `seed`, `servers`, `clients`), if any. */
function specFromParams(labId: LabId, p: UrlParams): LabSpec | undefined {
  const any =
    p.bare !== undefined || p.seed !== undefined || p.servers !== undefined || p.clients !== undefined;
  if (!any) return undefined;
  return withSize(emptySpec(labId, p.seed ?? 1, p.bare ?? false), p.servers, p.clients);
}

/**
 * Decide the session for a lab URL. `shared` is the decoded share string (it wins over the
 * parameters it holds); `saved(labId)` is the student's saved work for that lab.
 */
export function decideBoot(
  labId: LabId,
  params: UrlParams,
  shared: SharedLab | undefined,
  saved: (labId: LabId) => LabSpec | undefined,
  own: OwnUrl | null,
): Boot {
  const id = shared?.spec.labId ?? labId;
  const wanted = shared?.spec ?? specFromParams(id, params);
  const base = { labId: id, ...(shared ? { shared } : {}) };
  if (params.embed) return { ...base, mode: 'embed', spec: wanted ?? emptySpec(id) };
  if (!wanted) return { ...base, mode: 'main' };
  // Reloading the address the app itself wrote: the same kind of session as before the reload
  // (the saved work is newer than a debounced URL, so a main session keeps it).
  if (own && params.state !== undefined && own.state === params.state) {
    return own.mode === 'link' ? { ...base, mode: 'link', spec: wanted } : { ...base, mode: 'main' };
  }
  const mine = saved(id);
  if (!mine || mine.log.length === 0 || sameWork(mine, wanted))
    return { ...base, mode: 'main', spec: wanted };
  return { ...base, mode: 'link', spec: wanted };
}
