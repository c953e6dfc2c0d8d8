import type { CommandResult, LabId } from '@/engine';
import type { RunningInfo } from './session/protocol';
import type { LabSpec, LogEntry } from './labSpec';

export type Scheme = 'light' | 'dark' | 'projector';
export type PanelSplitName = 'top' | 'events' | 'inspector';
export type Language = 'en' | 'zh-CN';
export type InspectorTab = 'packet' | 'hooks' | 'scheduler' | 'controls';
/** `findings`: the events a finding is anchored at (any other chip adds its own category). */
export type EventFilterCategory =
  'arp' | 'tcp' | 'ipvs' | 'netfilter' | 'drops' | 'commands' | 'other' | 'findings';

/** A lab the user left, kept so coming back restores it. */
export interface Session {
  seed: number;
  bare: boolean;
  servers?: number;
  clients?: number;
  log: LogEntry[];
  cursor: number;
}

/** A translatable note for the status line ("history forked: 2 later commands discarded"). */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
  id: number;
}

/** How to open a lab: its saved session unless something here differs (or `fresh`, or a `log`). */
export interface LoadOptions {
  seed?: number;
  bare?: boolean;
  servers?: number;
  clients?: number;
  fresh?: boolean;
  /** Open exactly this command log (a share link), with the cursor here (−1: at the end). */
  log?: LogEntry[];
  cursor?: number;
}

export interface LabSlice {
  spec: LabSpec;
  /** Bumped whenever the engine state behind the spec changes. */
  revision: number;
  sessions: Partial<Record<LabId, Session>>;
  notice: Notice | null;
  /** Another tab owns the saved work: this one no longer writes it (see ui/session/tabGuard.ts). */
  detached: boolean;
  /** A replay that takes more than one chunk (a long saved log): commands done of total, else null. */
  replay: { done: number; total: number } | null;
  /** Stop the replay under way: the commands replayed so far are kept. */
  stopReplay(): void;
  loadLab(labId: LabId, opts?: LoadOptions): void;
  /**
   * Run a command (a control, a request); returns the index its result will have. `then` gets
   * the result when the session has run it (at once in the page).
   */
  runCommand(
    host: string,
    command: string,
    opts?: { autoplay?: boolean; maxTimeUs?: number; then?: (result: CommandResult) => void },
  ): number;
  runCommands(entries: { host: string; command: string }[]): void;
  sendRequest(count?: number): void;
  /** Start over: a fresh log, configured or (bare: true) from the seed article's starting point. */
  resetLab(opts?: { bare?: boolean }): void;
  dismissNotice(): void;
  showNotice(key: string, params?: Record<string, string | number>): void;
}

/** A command typed into a terminal, running while playback lets virtual time pass. */
export interface LiveSlice {
  /** The command under way (its output streams into its host's terminal), or null. */
  running: RunningInfo | null;
  /** Run a terminal's command live; one that needs no virtual time ends (and is logged) at once. */
  startCommand(host: string, command: string): void;
  /** Ctrl-C: the running command stops now and is logged with the virtual time it ran. */
  interruptCommand(): void;
  /** Playback caught up with the trace: let the running command reach its next event. */
  advanceRunning(): void;
}

export interface PlaybackSlice {
  /** Trace events applied: trace[0 … cursor−1] have happened. */
  cursor: number;
  /** Simulation time shown, µs (fractional while animating). */
  simTime: number;
  playing: boolean;
  play(): void;
  pause(): void;
  togglePlay(): void;
  seek(cursor: number): void;
  /** Move the clock; the cursor follows (events at or before `t` have happened). */
  seekTime(t: number): void;
  stepForward(): void;
  stepBack(): void;
  stepFrame(dir: 1 | -1): void;
}

export interface SelectionSlice {
  selectedFrame: string | null;
  selectedHost: string | null;
  filterHost: string;
  filterCategories: EventFilterCategory[];
  inspectorTab: InspectorTab;
  terminalHost: string;
  helpOpen: boolean;
  selectFrame(frame: string | null): void;
  selectHost(host: string | null): void;
  setFilterHost(host: string): void;
  toggleCategory(c: EventFilterCategory): void;
  setInspectorTab(tab: InspectorTab): void;
  setTerminalHost(host: string): void;
  setHelpOpen(open: boolean): void;
}

export interface PrefsSlice {
  language: Language;
  scheme: Scheme;
  /** Playback speed multiplier (1 = a frame crosses a segment in about two thirds of a second). */
  speed: number;
  startPaused: boolean;
  /**
   * The lab view's splits as the user left them, per colour scheme, in percent (ui/layout/
   * panelSizes.ts says what each one measures); a split not here is at the scheme's default.
   */
  panelSizes: Partial<Record<Scheme, Partial<Record<PanelSplitName, number>>>>;
  setLanguage(lang: Language): void;
  setScheme(scheme: Scheme): void;
  setSpeed(speed: number): void;
  setStartPaused(v: boolean): void;
  setPanelSize(scheme: Scheme, split: PanelSplitName, percent: number): void;
}

export type AppState = LabSlice & LiveSlice & PlaybackSlice & SelectionSlice & PrefsSlice;
