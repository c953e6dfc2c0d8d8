/**
 * Lesson validation: the JSON Schema (lesson.schema.json) first, then what a schema cannot say
 * (one operator per predicate, hosts that exist in the lab). Each problem is a LessonIssue the page
 * says in the reader's language; in English, e.g. `steps[2].host: "rs9" is not a host of the nat lab`.
 */
import type { ErrorObject } from 'ajv';
import { engine } from '@/store/engine';
// Compiled ahead of time: the page's CSP forbids the code generation Ajv does at run time.
import check from './generated/lessonSchemaCheck.js';
import { englishText, issue } from './lessonIssue';
import type { LessonIssue } from './lessonIssue';
import { labSize } from './session';
import type { Lesson } from './types';

/** `issues` for the page to translate; `errors` is the same in English (tests, the command line). */
export type Validation =
  { ok: true; lesson: Lesson } | { ok: false; errors: string[]; issues: LessonIssue[] };

/** A failed validation from its issues, each said once. */
export function failed(issues: LessonIssue[]): { ok: false; errors: string[]; issues: LessonIssue[] } {
  const seen = new Map<string, LessonIssue>();
  for (const i of issues) if (!seen.has(englishText(i))) seen.set(englishText(i), i);
  return { ok: false, errors: [...seen.keys()], issues: [...seen.values()] };
}

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

function plain(e: ErrorObject): LessonIssue | null {
  const at = place(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const limit = Number(p.limit);
  switch (e.keyword) {
    case 'if':
      return null; // the failing branch's own errors say what is wrong
    case 'required':
      return issue('required', at, { name: String(p.missingProperty) });
    case 'additionalProperties':
      return issue('unknownField', at, { name: String(p.additionalProperty) });
    case 'type':
      return issue('type', at, { type: { list: String(p.type).split(','), join: 'or' } });
    case 'enum':
      return issue('enum', at, {
        values: (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', '),
      });
    case 'const':
      return issue('const', at, { value: JSON.stringify(p.allowedValue) });
    case 'minLength':
      return issue('empty', at);
    case 'minItems':
      return issue('minItems', at, { limit });
    case 'minProperties':
      return issue('emptyPredicate', at);
    case 'minimum':
      return issue('minimum', at, { limit });
    case 'maximum':
      return issue('maximum', at, { limit });
    case 'pattern':
      return issue('pattern', at);
    default:
      return issue('invalid', at);
  }
}

const OPERATORS = [
  'service',
  'clientGot',
  'sysctl',
  'addr',
  'route',
  'event',
  'fewer',
  'more',
  'all',
  'any',
  'not',
];

/** One operator per predicate; `atLeast` only beside `event`. */
function predicateErrors(p: Record<string, unknown>, at: string, out: LessonIssue[]): void {
  const ops = Object.keys(p).filter((k) => OPERATORS.includes(k));
  if (ops.length === 0) out.push(issue('noTest', at));
  if (ops.length > 1) out.push(issue('oneTest', at, { found: { list: ops, join: 'and' } }));
  if ('atLeast' in p && !('event' in p)) out.push(issue('atLeastWithEvent', at));
  for (const k of ['all', 'any'] as const)
    (p[k] as Record<string, unknown>[] | undefined)?.forEach((q, i) =>
      predicateErrors(q, `${at}.${k}[${i}]`, out),
    );
  if (p.not) predicateErrors(p.not as Record<string, unknown>, `${at}.not`, out);
}

type Used = [at: string, host: string, lab: string | undefined];

/** Every `host` named, with the side it is on (the nearest `lab` above it, on the compare view). */
function hostsUsed(v: unknown, at: string, out: Used[], lab?: string): void {
  if (Array.isArray(v)) v.forEach((x, i) => hostsUsed(x, `${at}[${i}]`, out, lab));
  else if (v && typeof v === 'object') {
    const rec = v as Record<string, unknown>;
    const here = typeof rec.lab === 'string' && !('more' in rec) ? rec.lab : lab;
    for (const [k, x] of Object.entries(rec)) {
      if (k === 'host' && typeof x === 'string') out.push([`${at}.host`, x, here]);
      else if (k !== 'event' && k !== 'more') hostsUsed(x, `${at}.${k}`, out, here);
    }
  }
}

/** Where a side is named (`lab` on a step or command, a `more` predicate): only on the compare view. */
function sidesNamed(v: unknown, at: string, out: string[]): void {
  if (Array.isArray(v)) v.forEach((x, i) => sidesNamed(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (k === 'lab' || k === 'more') out.push(`${at}.${k}`);
      else if (k !== 'event') sidesNamed(x, `${at}.${k}`, out);
    }
}

function compareErrors(lesson: Lesson, out: LessonIssue[]): void {
  if (lesson.view === 'compare') {
    if (lesson.lab !== 'nat') out.push(issue('compareNat', 'lab'));
    return;
  }
  const named: string[] = [];
  sidesNamed(lesson.steps, 'steps', named);
  for (const at of named) out.push(issue('onlyOnCompare', at, { name: at.slice(at.lastIndexOf('.') + 1) }));
}

function semanticErrors(lesson: Lesson): LessonIssue[] {
  const out: LessonIssue[] = [];
  lesson.steps.forEach((s, i) => {
    if (s.kind === 'check') predicateErrors(s.predicate, `steps[${i}].predicate`, out);
    if (s.kind === 'predict')
      s.choices.forEach((c, j) => predicateErrors(c.when, `steps[${i}].choices[${j}].when`, out));
  });
  compareErrors(lesson, out);
  const hostsOf = (lab: string) =>
    new Set(
      engine()
        .getLab(lab as Lesson['lab'], labSize(lesson))
        ?.hosts.map((h) => h.name) ?? [],
    );
  const used: Used[] = [];
  hostsUsed(lesson.steps, 'steps', used);
  for (const [at, h, side] of used) {
    const lab = side ?? lesson.lab;
    if (!hostsOf(lab).has(h)) out.push(issue('notAHost', at, { host: h, lab }));
  }
  return out;
}

/** Validate parsed JSON as a lesson. Never throws. */
export function validateLesson(json: unknown): Validation {
  if (!check(json)) {
    const issues = (check.errors ?? []).map(plain).filter((m): m is LessonIssue => m !== null);
    return failed(issues.length ? issues : [issue('notLesson', 'lesson')]);
  }
  const lesson = json as unknown as Lesson;
  const issues = semanticErrors(lesson);
  return issues.length ? failed(issues) : { ok: true, lesson };
}

/** Parse and validate lesson text; a JSON syntax error is reported, not thrown. */
export function parseLesson(text: string): Validation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return failed([issue('notJson', 'lesson', { detail: (e as Error).message })]);
  }
  return validateLesson(json);
}
