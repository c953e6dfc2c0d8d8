/**
 * A student's progress through one lesson, as the player keeps it: in localStorage per
 * lab + lesson, and in the share string (key `ls`). Decoding takes untrusted JSON (a link, old
 * storage) and never throws: anything malformed is dropped, and step numbers are bounded by the
 * lesson's length.
 */

export interface LessonProgress {
  /** The step on screen (0-based). */
  step: number;
  /** Steps passed (checks that held, predictions answered, commands run, steps read). */
  passed: number[];
  /** A predict step's chosen answer, by step. */
  answers: Record<number, number>;
  /** Wrong tries by step: how many hints are shown. */
  tries: Record<number, number>;
  /** Setup steps already run for the student (never run twice). */
  done: number[];
}

export const emptyProgress = (): LessonProgress => ({
  step: 0,
  passed: [],
  answers: {},
  tries: {},
  done: [],
});

const MAX_TRIES = 99;

function stepList(v: unknown, steps: number): number[] {
  if (!Array.isArray(v)) return [];
  const ok = v.filter((x): x is number => Number.isSafeInteger(x) && x >= 0 && x < steps);
  return [...new Set(ok)].sort((a, b) => a - b);
}

function stepMap(v: unknown, steps: number, max: number): Record<number, number> {
  const out: Record<number, number> = {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    const i = Number(k);
    if (/^\d{1,4}$/.test(k) && i < steps && Number.isSafeInteger(x) && (x as number) >= 0)
      out[i] = Math.min(x as number, max);
  }
  return out;
}

/** Compact JSON for storage and links: `{s, p, a, t, d}`. */
export function encodeProgress(p: LessonProgress): Record<string, unknown> {
  return { s: p.step, p: p.passed, a: p.answers, t: p.tries, d: p.done };
}

/** Progress from untrusted data, bounded by a lesson of `steps` steps; undefined if unusable. */
export function decodeProgress(v: unknown, steps: number): LessonProgress | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const s = o.s;
  if (!Number.isSafeInteger(s) || (s as number) < 0) return undefined;
  return {
    step: Math.min(s as number, Math.max(0, steps - 1)),
    passed: stepList(o.p, steps),
    answers: stepMap(o.a, steps, 63),
    tries: stepMap(o.t, steps, MAX_TRIES),
    done: stepList(o.d, steps),
  };
}

/** The localStorage key of a lesson's progress: per lab and lesson. */
export const progressKey = (lab: string, id: string): string => `lvs-lab.lesson.${lab}.${id}`;
