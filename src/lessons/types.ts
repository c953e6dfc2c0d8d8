/**
 * The lesson format as data (docs/lessons.md). A lesson is JSON: every text a student reads
 * is given in English and Simplified Chinese side by side, and every "is this right?" is a
 * predicate over what the engine did — never a stored answer key.
 */

/** A text in both first-class languages. Markdown where the step says so. */
export interface Text {
  en: string;
  'zh-CN': string;
}

export type Lang = keyof Text;

/** The two labs of the side-by-side (compare) view. */
export type Side = 'nat' | 'dr';

/** A command typed on one host of the lab (on the compare view: of the `lab` side, NAT by default). */
export interface HostCommand {
  host: string;
  command: string;
  lab?: Side;
}

/** What `more` compares between the two sides: the director's bytes sent, its busy time, the commands' time. */
export type Measure = 'directorBytes' | 'directorBusy' | 'elapsed';

/** The predicate language (predicate.ts); evaluated over the trace, after the engine ran. */
export type Predicate =
  | {
      service: {
        host: string;
        vip?: string;
        realServers?: number;
        fwd?: 'Masq' | 'Route' | 'Tunnel';
        scheduler?: string;
      };
    }
  | { clientGot: { host: string; from: string[]; only?: boolean } }
  | { sysctl: { host: string; key: string; equals: string } }
  | { addr: { host: string; addr: string; dev?: string } }
  | { route: { host: string; dst: string; via?: string } }
  | { event: Record<string, string | number | boolean>; atLeast?: number }
  /** Fewer events in the window match `event` than match `than` (lc sent rs1 fewer than rr did). */
  | {
      fewer: {
        event: Record<string, string | number | boolean>;
        than: Record<string, string | number | boolean>;
      };
    }
  /** On the compare view: `measure` over the step's window is larger on `lab` than on `than`. */
  | { more: { measure: Measure; lab: Side; than: Side } }
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate };

export interface ExplainStep {
  kind: 'explain';
  text: Text;
}

/** Shown to the student to type; "do it for me" runs it. */
export interface CommandStep extends HostCommand {
  kind: 'command';
  text: Text;
  hints?: Text[];
}

/** Commands run for the student (a challenge's breakage, a lesson's shortcut). */
export interface SetupStep {
  kind: 'setup';
  text?: Text;
  commands: HostCommand[];
}

/** The student picks a choice, then `run` is run; a choice is right when its `when` holds. */
export interface PredictStep {
  kind: 'predict';
  question: Text;
  run: HostCommand[];
  choices: { text: Text; when: Predicate }[];
  hints?: Text[];
}

/** What a view should highlight. */
export interface PointTarget {
  host: string;
  iface?: string;
  field?: string;
  hook?: string;
}

export interface PointStep {
  kind: 'point';
  text: Text;
  target: PointTarget;
}

/** Passes when `predicate` holds after `probe` (commands the checker runs itself) ran. */
export interface CheckStep {
  kind: 'check';
  /** On the compare view: the side whose state and trace the predicate reads (NAT by default). */
  lab?: Side;
  text: Text;
  probe?: HostCommand[];
  predicate: Predicate;
  hints?: Text[];
}

export type Step = ExplainStep | CommandStep | SetupStep | PredictStep | PointStep | CheckStep;

export interface Lesson {
  id: string;
  lab: 'nat' | 'dr' | 'tun' | 'ha';
  /** `compare`: played on the side-by-side view (NAT and DR, with `lab` "nat"); else one lab. */
  view?: 'lab' | 'compare';
  /** Start from the bare lab (true) or the configured one. */
  bare: boolean;
  /** The lab's size (default 2 real servers, 1 client): lessons on load and scheduling want more. */
  servers?: number;
  clients?: number;
  kind: 'lesson' | 'challenge';
  title: Text;
  steps: Step[];
}
