/**
 * Lesson validation: the JSON Schema (lesson.schema.json) first, then what a schema cannot say
 * (one operator per predicate, hosts that exist in the lab). Errors are plain sentences naming
 * the place, e.g. `steps[2].host: "rs9" is not a host of the nat lab`.
 */
import type { ErrorObject } from 'ajv';
import { engine } from '@/store/engine';
// Compiled ahead of time: the page's CSP forbids the code generation Ajv does at run time.
import check from './generated/lessonSchemaCheck.js';
import { labSize } from './session';
import type { Lesson } from './types';

export type Validation = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

/** `/steps/3/host` → `steps[3].host`; the root is `lesson`. */
function place(pointer: string): string {
  if (pointer === '') return 'lesson';
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}

function plain(e: ErrorObject): string | null {
  const at = place(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if':
      return null; // the failing branch's own errors say what is wrong
    case 'required':
      return `${at}: missing "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `${at}: unknown field "${String(p.additionalProperty)}"`;
    case 'type':
      return `${at}: should be ${String(p.type).replace(',', ' or ')}`;
    case 'enum':
      return `${at}: should be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${at}: should be ${JSON.stringify(p.allowedValue)}`;
    case 'minLength':
      return `${at}: must not be empty`;
    case 'minItems':
      return `${at}: needs at least ${String(p.limit)} item(s)`;
    case 'minProperties':
      return `${at}: is empty; a predicate names one test`;
    case 'minimum':
      return `${at}: should be at least ${String(p.limit)}`;
    case 'maximum':
      return `${at}: should be at most ${String(p.limit)}`;
    case 'pattern':
      return `${at}: should be lower-case letters, digits and dashes`;
    default:
      return `${at}: ${e.message ?? 'is not valid'}`;
  }
}

const OPERATORS = ['service', 'clientGot', 'sysctl', 'addr', 'route', 'event', 'all', 'any', 'not'];

/** One operator per predicate; `atLeast` only beside `event`. */
function predicateErrors(p: Record<string, unknown>, at: string, out: string[]): void {
  const ops = Object.keys(p).filter((k) => OPERATORS.includes(k));
  if (ops.length !== 1)
    out.push(`${at}: a predicate names exactly one test, found ${ops.join(' and ') || 'none'}`);
  if ('atLeast' in p && !('event' in p)) out.push(`${at}: "atLeast" goes only with "event"`);
  for (const k of ['all', 'any'] as const)
    (p[k] as Record<string, unknown>[] | undefined)?.forEach((q, i) =>
      predicateErrors(q, `${at}.${k}[${i}]`, out),
    );
  if (p.not) predicateErrors(p.not as Record<string, unknown>, `${at}.not`, out);
}

function hostsUsed(v: unknown, at: string, out: [string, string][]): void {
  if (Array.isArray(v)) v.forEach((x, i) => hostsUsed(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (k === 'host' && typeof x === 'string') out.push([`${at}.host`, x]);
      else if (k !== 'event') hostsUsed(x, `${at}.${k}`, out);
    }
}

function semanticErrors(lesson: Lesson): string[] {
  const out: string[] = [];
  lesson.steps.forEach((s, i) => {
    if (s.kind === 'check') predicateErrors(s.predicate, `steps[${i}].predicate`, out);
    if (s.kind === 'predict')
      s.choices.forEach((c, j) => predicateErrors(c.when, `steps[${i}].choices[${j}].when`, out));
  });
  const hosts = new Set(
    engine()
      .getLab(lesson.lab, labSize(lesson))
      ?.hosts.map((h) => h.name) ?? [],
  );
  const used: [string, string][] = [];
  hostsUsed(lesson.steps, 'steps', used);
  for (const [at, h] of used)
    if (!hosts.has(h)) out.push(`${at}: "${h}" is not a host of the ${lesson.lab} lab`);
  return out;
}

/** Validate parsed JSON as a lesson. Never throws. */
export function validateLesson(json: unknown): Validation {
  if (!check(json)) {
    const errors = [...new Set((check.errors ?? []).map(plain).filter((m): m is string => m !== null))];
    return { ok: false, errors: errors.length ? errors : ['lesson: is not a valid lesson'] };
  }
  const lesson = json as unknown as Lesson;
  const errors = semanticErrors(lesson);
  return errors.length ? { ok: false, errors } : { ok: true, lesson };
}

/** Parse and validate lesson text; a JSON syntax error is reported, not thrown. */
export function parseLesson(text: string): Validation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`lesson: not JSON (${(e as Error).message})`] };
  }
  return validateLesson(json);
}
