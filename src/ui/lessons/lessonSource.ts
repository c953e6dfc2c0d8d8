/**
 * Where a lesson comes from: a shipped one by id, a file the student picked, a same-origin
 * `lesson-url=`, or a share string's `ls` field (an id or the whole file, with progress).
 * Every path ends in validateLesson, whose plain-word errors the player shows.
 */
import { parseLesson, SHIPPED_LESSONS, validateLesson } from '@/lessons';
import type { Lesson, Validation } from '@/lessons';
import { decodeProgress } from '@/lessons/progress';
import type { LessonProgress } from '@/lessons/progress';

/** How a lesson is named in a link: a shipped id, or the file's text. */
export type LessonRef = { i: string } | { f: string };

export interface ActiveLesson {
  lesson: Lesson;
  ref: LessonRef;
  /** Progress a link carried. */
  progress?: LessonProgress;
}

export type Opened = { ok: true; active: ActiveLesson } | { ok: false; errors: string[] };

/** A lesson file bigger than this is refused before parsing. */
export const MAX_LESSON_CHARS = 256 * 1024;

export function shippedLessons(): Lesson[] {
  return SHIPPED_LESSONS.map((raw) => validateLesson(raw)).flatMap((v) => (v.ok ? [v.lesson] : []));
}

function fromValidation(v: Validation, ref: LessonRef): Opened {
  return v.ok ? { ok: true, active: { lesson: v.lesson, ref } } : v;
}

export function openShipped(id: string): Opened {
  const lesson = shippedLessons().find((l) => l.id === id);
  return lesson
    ? { ok: true, active: { lesson, ref: { i: id } } }
    : { ok: false, errors: [`lesson: there is no shipped lesson "${id}"`] };
}

export function openText(text: string): Opened {
  if (text.length > MAX_LESSON_CHARS)
    return { ok: false, errors: [`lesson: the file is larger than ${MAX_LESSON_CHARS / 1024} KB`] };
  return fromValidation(parseLesson(text), { f: text });
}

/** The `ls` field of a share string: `{i}` or `{f}` plus progress. */
export function openShared(ls: unknown): Opened | undefined {
  if (!ls || typeof ls !== 'object' || Array.isArray(ls)) return undefined;
  const o = ls as Record<string, unknown>;
  const own = (k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
  const i = own('i');
  const f = own('f');
  const opened = typeof i === 'string' ? openShipped(i) : typeof f === 'string' ? openText(f) : undefined;
  if (!opened?.ok) return opened;
  const progress = decodeProgress(o, opened.active.lesson.steps.length);
  return { ok: true, active: { ...opened.active, ...(progress ? { progress } : {}) } };
}

/** `lesson-url=` resolved against the page: only the page's own http(s) origin is allowed. */
export function sameOriginUrl(raw: string, page: string): URL | string {
  let url: URL;
  let here: URL;
  try {
    here = new URL(page);
    url = new URL(raw, here);
  } catch {
    return 'lesson-url: is not a URL';
  }
  if (here.protocol !== 'http:' && here.protocol !== 'https:')
    return 'lesson-url: works only when the lab is served over http(s); open the file with "Open a lesson file" instead';
  if (url.origin !== here.origin)
    return `lesson-url: must be on the same site as the lab (${here.origin}), not ${url.origin}`;
  return url;
}

export async function fetchLesson(raw: string, page: string): Promise<Opened> {
  const url = sameOriginUrl(raw, page);
  if (typeof url === 'string') return { ok: false, errors: [url] };
  try {
    // same-origin mode: a redirect to another site fails instead of being followed there.
    const res = await fetch(url, { mode: 'same-origin', credentials: 'same-origin' });
    if (!res.ok) return { ok: false, errors: [`lesson-url: the server answered ${res.status}`] };
    return openText(await res.text());
  } catch {
    return { ok: false, errors: ['lesson-url: the file could not be loaded'] };
  }
}
