import type { TraceEvent } from '../core/trace';
import type { ScanContext } from './context';

/** A parameter a finding's sentence interpolates (both languages read the same values). */
export type FindingParam = string | number;

/**
 * A situation a teacher would point at, found in the trace. Plain data: the UI says it with
 * `finding.<kind>.title` and the sentence keyed by `why`, interpolating `params`.
 */
export interface Finding {
  /** Stable id of the finding kind (also its i18n key segment). */
  kind: string;
  /** Index (seq) of the trace event the finding is anchored at. */
  at: number;
  /** Virtual time of that event, µs. */
  t: number;
  /** The hosts involved, the one where it happened first. */
  hosts: string[];
  params: Record<string, FindingParam>;
  /** Full i18n key of the explanation sentence, e.g. `finding.rpFilterDrop.why.strict`. */
  why: string;
}

/**
 * One finding kind: looks at each new event (with the facts the scan has gathered so far)
 * and returns the findings anchored at it.
 */
export interface FindingDetector {
  kind: string;
  /** The trace event kinds `detect` looks at: a scan offers it no other (and skips them unbuilt). */
  kinds: readonly TraceEvent['kind'][];
  detect(ev: TraceEvent, ctx: ScanContext): Finding[];
}

/** Build a finding anchored at `ev`. */
export function finding(
  kind: string,
  ev: TraceEvent,
  hosts: string[],
  params: Record<string, FindingParam>,
  variant?: string,
): Finding {
  return {
    kind,
    at: ev.seq,
    t: ev.t,
    hosts,
    params,
    why: `finding.${kind}.why${variant ? `.${variant}` : ''}`,
  };
}
