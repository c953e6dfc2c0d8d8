import type { LabDefinition } from '@/engine';
import type {
  ReplayStats,
  RunningInfo,
  SessionEvent,
  SessionMessage,
  SessionReply,
  SessionRequest,
  SessionTransport,
} from './protocol';
import { awaitReply } from './awaitedReplies';
import { SessionView } from './sessionView';

/**
 * Requests whose replies the page draws as soon as they come: a fork (acting in the past) and a
 * command typed. Not a whole replay (a lab opened), which may take seconds.
 */
const DRAWN_AT_ONCE = new Set<SessionRequest['type']>(['fork', 'exec', 'begin']);

/**
 * The store's end of a lab session: sends requests, matches replies to them, and keeps the
 * mirror (`view`) the views read. A reply's callback runs when the reply arrives — at once with
 * the in-page transport, a task later from a Worker — so the store's actions are written to
 * carry on there and work with either.
 */
export class SessionClient {
  private current: SessionView;
  private nextId = 0;
  private readonly waiting = new Map<number, (r: SessionReply) => void>();
  /** Requests whose replies the page draws at once: idle work waits for them (awaitedReplies.ts). */
  private readonly awaited = new Map<number, () => void>();
  private readonly listeners = new Set<(e: SessionEvent) => void>();
  /** The terminal command running now, as the session last told. */
  running: RunningInfo | null = null;
  /** Log lengths with a spare runtime ready, as the session last told (tests and the benchmark). */
  checkpoints: { ready: number[]; pending: number } = { ready: [], pending: 0 };
  /** Where the last replay or fork started, and how much it ran. */
  lastReplay: ReplayStats | null = null;
  /** The store's cursor: the mirror keeps full detail from there on (a long session's bound). */
  private held = Infinity;

  constructor(
    private readonly transport: SessionTransport,
    placeholder: LabDefinition,
  ) {
    this.current = new SessionView(
      placeholder,
      placeholder.hosts.map((h) => h.name),
    );
    transport.listen((m) => this.receive(m));
  }

  /** The session's published state: what every view reads. */
  get view(): SessionView {
    return this.current;
  }

  request(request: SessionRequest, onReply?: (r: SessionReply) => void): void {
    const id = ++this.nextId;
    if (onReply) this.waiting.set(id, onReply);
    if (DRAWN_AT_ONCE.has(request.type)) this.awaited.set(id, awaitReply());
    this.transport.send({ id, request });
  }

  /** The views need the trace's detail from `cursor` on (−1: the end, whatever it is). */
  hold(cursor: number): void {
    this.held = cursor < 0 ? Infinity : cursor;
    this.current.hold(this.held);
  }

  /** Session events after the mirror applied them (replay progress, for one). */
  onEvent(fn: (e: SessionEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  dispose(): void {
    this.waiting.clear();
    for (const done of this.awaited.values()) done();
    this.awaited.clear();
    this.listeners.clear();
    this.transport.close();
  }

  private receive(m: SessionMessage): void {
    if (m.kind === 'reply') {
      if (m.reply.type === 'replayed') this.lastReplay = m.reply.stats;
      const fn = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      fn?.(m.reply);
      // After the store took the reply: idle work queued meanwhile runs after its frame.
      const done = this.awaited.get(m.id);
      this.awaited.delete(m.id);
      done?.();
      return;
    }
    const e = m.event;
    switch (e.type) {
      case 'reset':
        this.current = new SessionView(e.def, e.hostNames);
        this.current.hold(this.held);
        break;
      case 'rewind':
        this.current = this.current.rewound(e.trace, e.results, e.now);
        this.current.hold(this.held);
        break;
      case 'summarised':
        this.current.summarised(e.first, e.keep, e.summary);
        break;
      case 'trace-append':
        this.current.append(e.from, e.events, e.now);
        break;
      case 'results-append':
        this.current.appendResults(e.from, e.results);
        break;
      case 'sysctls':
        this.current.setSysctls(e.hosts);
        break;
      case 'running':
        this.running = e.running;
        break;
      case 'checkpoints':
        this.checkpoints = { ready: e.ready, pending: e.pending };
        break;
      case 'progress':
        break;
    }
    for (const fn of this.listeners) fn(e);
  }
}
