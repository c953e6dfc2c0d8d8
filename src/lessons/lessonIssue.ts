/**
 * A problem with a lesson file as data (code, place, parameters), so the page can say it in the
 * reader's language. The English words live in the en catalog (`lessonErrors.*`); the pure
 * validator renders them itself for tests and the command line.
 */
import { LESSON_ERRORS_EN } from './issueWords';

/** A list is joined with the catalog's "and" / "or", so each language joins it its own way. */
export type IssueParam = string | number | { list: string[]; join: 'and' | 'or' };

export interface LessonIssue {
  /** A key under `lessonErrors` in the catalogs. */
  code: string;
  /** Where in the file: `lesson`, `steps[2].host`, … (field names are not translated). */
  path: string;
  params?: Record<string, IssueParam>;
}

export type Translate = (key: string, vars: Record<string, string | number>) => string;

export function issue(code: string, path: string, params?: Record<string, IssueParam>): LessonIssue {
  return params ? { code, path, params } : { code, path };
}

/** The issue in words, through `t` (i18next's, or the English one below). */
export function issueText(i: LessonIssue, t: Translate): string {
  const vars: Record<string, string | number> = { at: i.path };
  for (const [k, v] of Object.entries(i.params ?? {}))
    vars[k] = typeof v === 'object' ? v.list.join(t(`lessonErrors.${v.join}`, {})) : v;
  return t(`lessonErrors.${i.code}`, vars);
}

const EN = LESSON_ERRORS_EN;

/** English without i18next: `{{name}}` filled from `vars`; an unknown code says "is not valid". */
export const english: Translate = (key, vars) => {
  const template = EN[key.slice(key.indexOf('.') + 1)] ?? EN.invalid!;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
};

export const englishText = (i: LessonIssue): string => issueText(i, english);
