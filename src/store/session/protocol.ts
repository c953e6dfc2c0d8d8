/**
 * The messages between a store and its LabSession. The store never touches the engine: it sends
 * requests, gets one reply per request and a stream of events that keep its mirror of the
 * session (trace, results, sysctls, the running command) up to date. Every message is plain,
 * structured-clone-safe data, so the session can live in a Web Worker as well as in the page.
 */
import type { CommandResult, LabDefinition, TraceEvent, TraceSummary } from '@/engine';
import type { LabSpec, LogEntry } from '../labSpec';

/** The command a terminal is running, as the views see it. */
export interface RunningInfo {
  host: string;
  command: string;
  /** Its index in the session's results once it ends. */
  index: number;
  startUs: number;
  elapsedUs: number;
}

export type SessionRequest =
  /** Make the engine run exactly this spec: extend what it ran, or replay from the start (in chunks). */
  | { type: 'replay'; spec: LabSpec }
  /** Run one more command of the log to its end (or its maxTimeUs). */
  | { type: 'exec'; entry: LogEntry }
  /** Keep only the first `keep` user commands (acting in the past): replays them. */
  | { type: 'fork'; keep: number }
  /** A terminal's live command: it runs only as far as it is advanced. */
  | { type: 'begin'; host: string; command: string }
  /** Let the live command run: what ends within `instant` µs, or until its next trace event. */
  | { type: 'advance'; mode: 'instant' | 'next-event' }
  /** Ctrl-C on the live command. */
  | { type: 'interrupt' }
  /** Stop a replay under way: the commands replayed so far are kept. */
  | { type: 'stop-replay' }
  /** Keep full trace detail for at least the most recent `keep` events (long sessions; tests lower it). */
  | { type: 'bound'; keep: number };

export type SessionRequestType = SessionRequest['type'];

/** Where a replay started: what shows that a fork replayed only from its nearest checkpoint. */
export interface ReplayStats {
  /** Log entries the engine had already run when it started (a spare's, or the kept log's). */
  from: number;
  /** Log entries it ran for this replay. */
  ran: number;
  /** It started from a spare runtime built at a checkpoint. */
  spare: boolean;
}

export type SessionReply =
  /**
   * A replay or fork finished: the log the engine ran, the one asked for unless stopped (then
   * its first commands, the last one cut at the virtual time it had run, as Ctrl-C would).
   */
  | { type: 'replayed'; log: LogEntry[]; stopped: boolean; stats: ReplayStats }
  | { type: 'result'; result: CommandResult }
  | { type: 'begun'; running: RunningInfo }
  /** A live command ended (by itself or Ctrl-C): its result and the log entry that replays it. */
  | { type: 'ended'; result: CommandResult; entry: LogEntry }
  /** The live command is still running (advance), or there was nothing to do. */
  | { type: 'ok' }
  | { type: 'error'; message: string };

export type SessionEvent =
  /** A new engine: the mirror starts over (a lab switch or a replay from the start). */
  | { type: 'reset'; def: LabDefinition; hostNames: string[] }
  /**
   * A new engine of the same lab that ran the first commands of the old one's log again (a fork):
   * the mirror starts over keeping its first `trace` events and `results` results, the same ones.
   */
  | { type: 'rewind'; trace: number; results: number; now: number }
  | { type: 'trace-append'; from: number; events: TraceEvent[]; now: number }
  | { type: 'results-append'; from: number; results: CommandResult[] }
  /** Every host's sysctl values at the end of the trace (views undo later writes to the cursor). */
  | { type: 'sysctls'; hosts: Record<string, [string, number][]> }
  | { type: 'running'; running: RunningInfo | null }
  /** A replay that takes more than one chunk: `done` of `total` commands replayed. */
  | { type: 'progress'; done: number; total: number }
  /** The log lengths at which a spare runtime is ready (a fork replays from the nearest), and how many are to come. */
  | { type: 'checkpoints'; ready: number[]; pending: number }
  /**
   * The session let go of the detail of the events before `first` (a long session's bound of
   * `keep` events): the mirror may do the same; `summary` counts what they were.
   */
  | { type: 'summarised'; first: number; keep: number; summary: TraceSummary };

export interface RequestMessage {
  id: number;
  request: SessionRequest;
}

export type SessionMessage =
  { kind: 'reply'; id: number; reply: SessionReply } | { kind: 'event'; event: SessionEvent };

/** How messages cross to the session and back: in the page now, a Worker's postMessage later. */
export interface SessionTransport {
  send(message: RequestMessage): void;
  listen(handler: (message: SessionMessage) => void): void;
  close(): void;
}
