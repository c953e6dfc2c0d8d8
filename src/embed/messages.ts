/**
 * The postMessage API's parent → lab requests, validated before anything acts on them: a plain
 * object, a known `lvs-lab:` type, and fields of the right types within size limits. Received
 * strings are only ever compared, looked up or typed into the simulated shell, never rendered as
 * HTML or evaluated.
 */
import { isIntIn, isPlainObject } from './plainData';
import { MAX_COMMAND_CHARS } from './shareTypes';
import { SEED_MAX, STATE_MAX_CHARS } from './urlParams';

export const MESSAGE_PREFIX = 'lvs-lab:';
const MAX_KEYS = 16;
const MAX_HOST_CHARS = 64;
const MAX_TYPE_CHARS = 64;

export type ParentMessage =
  | { type: 'lvs-lab:run'; host: string; command: string }
  | { type: 'lvs-lab:load'; state: string }
  | { type: 'lvs-lab:load'; lab: string; bare?: boolean; seed?: number }
  | { type: 'lvs-lab:seek'; at: number }
  | { type: 'lvs-lab:seek'; step: number }
  | { type: 'lvs-lab:play' }
  | { type: 'lvs-lab:pause' }
  | { type: 'lvs-lab:get-state' };

export type Checked =
  | { ok: true; message: ParentMessage }
  | { ok: false; error: string; request: string }
  /** Not addressed to the lab at all (another script's message): ignore it silently. */
  | { ok: false; ignore: true };

/** The type of a message for an error answer: the lvs-lab type if it had one, else ''. */
export function requestType(data: unknown): string {
  if (!isPlainObject(data)) return '';
  const t = data['type'];
  return typeof t === 'string' && t.startsWith(MESSAGE_PREFIX) && t.length <= MAX_TYPE_CHARS ? t : '';
}

const fail = (request: string, error: string): Checked => ({ ok: false, error, request });

function checkRun(d: Record<string, unknown>): Checked {
  const { host, command } = d;
  if (typeof host !== 'string' || host.length === 0 || host.length > MAX_HOST_CHARS)
    return fail('lvs-lab:run', 'host must be a host name');
  if (typeof command !== 'string' || command.length > MAX_COMMAND_CHARS)
    return fail('lvs-lab:run', `command must be a string of at most ${MAX_COMMAND_CHARS} characters`);
  return { ok: true, message: { type: 'lvs-lab:run', host, command } };
}

function checkLoad(d: Record<string, unknown>, labs: readonly string[]): Checked {
  if (d.state !== undefined) {
    if (typeof d.state !== 'string' || d.state.length === 0 || d.state.length > STATE_MAX_CHARS)
      return fail('lvs-lab:load', 'state must be a share string');
    return { ok: true, message: { type: 'lvs-lab:load', state: d.state } };
  }
  if (typeof d.lab !== 'string' || !labs.includes(d.lab))
    return fail('lvs-lab:load', `lab must be one of ${labs.join(', ')}, or give a state`);
  if (d.bare !== undefined && typeof d.bare !== 'boolean')
    return fail('lvs-lab:load', 'bare must be true or false');
  if (d.seed !== undefined && !isIntIn(d.seed, 0, SEED_MAX))
    return fail('lvs-lab:load', `seed must be an integer 0…${SEED_MAX}`);
  const message: ParentMessage = { type: 'lvs-lab:load', lab: d.lab };
  if (d.bare !== undefined) message.bare = d.bare;
  if (d.seed !== undefined) message.seed = d.seed as number;
  return { ok: true, message };
}

function checkSeek(d: Record<string, unknown>): Checked {
  const hasAt = d.at !== undefined;
  const hasStep = d.step !== undefined;
  if (hasAt === hasStep) return fail('lvs-lab:seek', 'give exactly one of at (µs) or step');
  const v = hasAt ? d.at : d.step;
  if (!isIntIn(v, 0, Number.MAX_SAFE_INTEGER))
    return fail('lvs-lab:seek', `${hasAt ? 'at' : 'step'} must be an integer ≥ 0`);
  return { ok: true, message: hasAt ? { type: 'lvs-lab:seek', at: v } : { type: 'lvs-lab:seek', step: v } };
}

/** Validate a parent → lab message; `labs` are the lab ids this build knows. */
export function checkParentMessage(data: unknown, labs: readonly string[]): Checked {
  const type = requestType(data);
  if (!type) return { ok: false, ignore: true };
  const d = data as Record<string, unknown>;
  if (Object.keys(d).length > MAX_KEYS) return fail(type, 'too many fields');
  switch (type) {
    case 'lvs-lab:run':
      return checkRun(d);
    case 'lvs-lab:load':
      return checkLoad(d, labs);
    case 'lvs-lab:seek':
      return checkSeek(d);
    case 'lvs-lab:play':
    case 'lvs-lab:pause':
    case 'lvs-lab:get-state':
      return { ok: true, message: { type } };
    default:
      return fail(type, `unknown request ${type}`);
  }
}

/** Lab → parent messages. */
export type LabMessage =
  | { type: 'lvs-lab:ready'; version: string; lab: string }
  | { type: 'lvs-lab:command'; host: string; command: string; stdout: string; stderr: string; exit: number }
  | { type: 'lvs-lab:step'; step: number; at: number; kind: string; text: string }
  | { type: 'lvs-lab:state'; state: string; step: number; lab: string }
  | { type: 'lvs-lab:error'; message: string; request: string }
  | LessonMessage;

/**
 * A lesson's progress, for an LMS: `step` when a step is shown, `passed` when a step passes,
 * `answer` when a prediction is judged (by what the engine then did). `step` is 0-based.
 */
export interface LessonMessage {
  type: 'lvs-lab:lesson';
  event: 'step' | 'passed' | 'answer';
  lesson: string;
  step: number;
  steps: number;
  kind: string;
  /** `answer` only: the choice picked (0-based) and whether the engine's outcome made it right. */
  choice?: number;
  correct?: boolean;
}
