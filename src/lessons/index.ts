/** Lessons: the format, the predicate language, validation and a headless session. */
export type * from './types';
export { evaluate, curlBodies } from './predicate';
export type { Window } from './predicate';
export { validateLesson, parseLesson, failed } from './validate';
export { issue, issueText, englishText } from './lessonIssue';
export type { LessonIssue, Translate } from './lessonIssue';
export type { Validation } from './validate';
export { LessonSession, labSize } from './session';
export type { PredictOutcome } from './session';
export { SHIPPED_LESSONS } from './shipped';
