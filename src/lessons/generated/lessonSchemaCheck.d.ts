import type { ErrorObject } from 'ajv';

/** The lesson schema, compiled ahead of time (scripts/gen-lesson-check.mjs). */
interface SchemaCheck {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const validate: SchemaCheck;
export default validate;
