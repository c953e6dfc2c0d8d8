/** Findings: situations a teacher would point at, scanned from the trace. */
export { scanFindings, newFindingsState } from './scan';
export type { FindingsScan, FindingsState } from './scan';
export { FINDING_DETECTORS, FINDING_KINDS } from './registry';
export type { Finding, FindingDetector, FindingParam } from './types';
