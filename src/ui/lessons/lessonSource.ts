/**
 * Where a lesson comes from: a shipped one by id, a file the student picked, a same-origin
 * `lesson-url=`, or a share string's `ls` field (an id or the whole file, with progress).
 * Every path ends in validateLesson, whose issues the page shows in the reader's language.
 */
import { failed, issue, parseLesson, SHIPPED_LESSONS, validateLesson } from '@/lessons';
import type { Lesson, LessonIssue, Validation } from '@/lessons';
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

export type Opened = { ok: true; active: ActiveLesson } | ReturnType<typeof failed>;

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
    : failed([issue('noShipped', 'lesson', { id })]);
}

export function openText(text: string): Opened {
  if (text.length > MAX_LESSON_CHARS)
    return failed([issue('tooLarge', 'lesson', { kb: MAX_LESSON_CHARS / 1024 })]);
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
export function sameOriginUrl(raw: string, page: string): URL | LessonIssue {
  let url: URL;
  let here: URL;
  try {
    here = new URL(page);
    url = new URL(raw, here);
  } catch {
    return issue('notUrl', 'lesson-url');
  }
  if (here.protocol !== 'http:' && here.protocol !== 'https:') return issue('needsHttp', 'lesson-url');
  if (url.origin !== here.origin)
    return issue('otherSite', 'lesson-url', { here: here.origin, there: url.origin });
  return url;
}

export async function fetchLesson(raw: string, page: string): Promise<Opened> {
  const url = sameOriginUrl(raw, page);
  if (!(url instanceof URL)) return failed([url]);
  try {
    // same-origin mode: a redirect to another site fails instead of being followed there.
    const res = await fetch(url, { mode: 'same-origin', credentials: 'same-origin' });
    if (!res.ok) return failed([issue('serverAnswered', 'lesson-url', { status: res.status })]);
    return openText(await res.text());
  } catch {
    return failed([issue('notLoaded', 'lesson-url')]);
  }
}
