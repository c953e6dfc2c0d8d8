import { engine } from '../engine';
import type { LabId } from '@/engine';
import type { StateCreator } from 'zustand';
import { emptySpec, sameWork, sizeOf, withSize } from '../labSpec';
import type { LabSpec, LogEntry } from '../labSpec';
import type { SessionClient } from '../session/sessionClient';
import type { SessionView } from '../session/sessionView';
import type { AppState, LabSlice, LoadOptions, Session } from '../types';
import { nextNoticeId } from './noticeId';
import { replayTo } from './replayTo';

/** The client's request: `curl -s VIP`, or a loop of them. */
export function requestCommand(labId: LabId, count = 1): { host: string; command: string } {
  const def = engine().getLab(labId)!;
  const client = def.hosts.find((h) => h.role === 'client')?.name ?? def.hosts[0]!.name;
  const url = def.vport === 80 ? def.vip : `${def.vip}:${def.vport}`;
  const one = `curl -s ${url}`;
  return { host: client, command: count <= 1 ? one : `for i in $(seq ${count}); do ${one}; done` };
}

/** The session the store starts a lab with: its saved one, else a fresh configured lab. */
function sessionFor(state: AppState, labId: LabId, opts: LoadOptions): Session {
  const saved = state.sessions[labId];
  const seed = opts.seed ?? saved?.seed ?? 1;
  const bare = opts.bare ?? saved?.bare ?? false;
  const size = sizeOf({ servers: opts.servers ?? saved?.servers, clients: opts.clients ?? saved?.clients });
  const spec = withSize(emptySpec(labId, seed, bare), size.servers, size.clients);
  if (opts.log) return { ...spec, log: [...opts.log], cursor: opts.cursor ?? -1 };
  const same = saved && sameWork({ ...spec, log: [] }, { labId, ...saved, log: [] });
  if (saved && same && !opts.fresh) return saved;
  return { ...spec, log: [], cursor: -1 };
}

function sessionOf(spec: LabSpec, cursor: number): Session {
  const { labId: _id, ...rest } = spec;
  return { ...rest, log: [...spec.log], cursor };
}

/** Commands whose events all lie before `cursor`: what survives acting in the past. */
export function logBefore(view: SessionView, spec: LabSpec, cursor: number): LogEntry[] {
  const keep = view.userResults().filter((r) => r.traceTo <= cursor).length;
  return spec.log.slice(0, keep);
}

/**
 * Keep the first `kept.length` commands of the session's log (a fork when that drops some). The
 * request that follows goes at once, without waiting: the session answers in order. The log
 * kept is the holder's `log` once the fork's reply came (a stopped replay keeps fewer).
 */
export function forkFirst(client: SessionClient, spec: LabSpec, kept: LogEntry[]): { log: LogEntry[] } {
  const holder = { log: [...spec.log] };
  if (kept.length === spec.log.length) return holder;
  client.request({ type: 'fork', keep: kept.length }, (r) => {
    if (r.type === 'replayed') holder.log = r.log;
  });
  return holder;
}

export const createLabSlice =
  (client: SessionClient): StateCreator<AppState, [], [], LabSlice> =>
  (set, get) => ({
    spec: emptySpec('nat'),
    revision: 0,
    sessions: {},
    notice: null,
    replay: null,
    detached: false,

    stopReplay() {
      client.request({ type: 'stop-replay' });
    },

    loadLab(labId, opts = {}) {
      get().interruptCommand();
      const s = get();
      const sessions = {
        ...s.sessions,
        [s.spec.labId]: sessionOf(s.spec, s.cursor),
      };
      const next = sessionFor({ ...s, sessions }, labId, opts);
      const { cursor: want, ...rest } = next;
      replayTo(client, set, { labId, ...rest }, (spec) => {
        const v = client.view;
        const end = v.trace.length;
        const cursor = want < 0 || want > end ? end : want;
        set({
          spec,
          sessions,
          revision: get().revision + 1,
          cursor,
          simTime: (cursor > 0 ? v.trace.at(cursor - 1) : undefined)?.t ?? 0,
          playing: false,
          selectedFrame: null,
          selectedHost: null,
          filterHost: '',
          terminalHost: spec.log[spec.log.length - 1]?.host ?? v.hostNames()[0] ?? '',
        });
      });
    },

    runCommand(host, command, opts = {}) {
      // A control or a request while a terminal's command runs: that command gets Ctrl-C first.
      get().interruptCommand();
      const s = get();
      const view = client.view;
      const before = view.trace.length;
      const inPast = s.cursor < before && !s.playing;
      const kept = inPast ? logBefore(view, s.spec, s.cursor) : [...s.spec.log];
      const dropped = s.spec.log.length - kept.length;
      const entry: LogEntry = {
        host,
        command,
        ...(opts.maxTimeUs !== undefined ? { maxTimeUs: opts.maxTimeUs } : {}),
      };
      const index = view.results.length - s.spec.log.length + kept.length;
      // The fork and the command go together: the session runs them in order (a replay holds
      // what comes behind it), and over a worker both replies come back in one message.
      const forked = forkFirst(client, s.spec, kept);
      client.request({ type: 'exec', entry }, (r) => {
        if (r.type !== 'result') {
          get().showNotice('notice.commandFailed', { host });
          return;
        }
        const v = client.view;
        const res = r.result;
        const moves = v.trace.slice(res.traceFrom, res.traceTo).some((e) => e?.kind === 'frame.tx');
        const autoplay = (opts.autoplay ?? true) && moves && !s.startPaused;
        // While a request is still animating, a new one queues behind it instead of cutting in.
        const keepWatching = s.playing && s.cursor < before;
        const cursor = keepWatching ? s.cursor : moves ? res.traceFrom + 1 : res.traceTo;
        set({
          spec: { ...s.spec, log: [...forked.log, entry] },
          revision: get().revision + 1,
          cursor,
          simTime: keepWatching ? s.simTime : ((cursor > 0 ? v.trace.at(cursor - 1) : undefined)?.t ?? 0),
          playing: keepWatching || autoplay,
          terminalHost: host,
          notice:
            dropped > 0
              ? { key: 'notice.forked', params: { count: dropped }, id: nextNoticeId() }
              : get().notice,
        });
        opts.then?.(res);
      });
      return index;
    },

    runCommands(entries) {
      // Each at the end of the log once the one before has run: a command that sent frames
      // leaves the cursor inside it, and the next would otherwise count as acting in the past.
      const next = (i: number) => {
        const e = entries[i];
        if (!e) return;
        get().seek(Number.MAX_SAFE_INTEGER);
        get().runCommand(e.host, e.command, { autoplay: false, then: () => next(i + 1) });
      };
      next(0);
    },

    sendRequest(count = 1) {
      const { host, command } = requestCommand(get().spec.labId, count);
      get().runCommand(host, command, {
        autoplay: count === 1,
        then: (res) => {
          // Many requests run at once; the student scrubs through them afterwards.
          if (count > 1)
            set({
              cursor: res.traceTo,
              simTime: (res.traceTo > 0 ? client.view.trace.at(res.traceTo - 1) : undefined)?.t ?? 0,
              playing: false,
            });
        },
      });
    },

    resetLab(opts = {}) {
      const s = get();
      const bare = opts.bare ?? s.spec.bare;
      get().loadLab(s.spec.labId, { ...sizeOf(s.spec), seed: s.spec.seed, bare, fresh: true });
      const start = client.view.setupEnd();
      set({ cursor: start, simTime: (start > 0 ? client.view.trace.at(start - 1) : undefined)?.t ?? 0 });
    },

    dismissNotice() {
      set({ notice: null });
    },

    showNotice(key, params) {
      set({ notice: { key, ...(params ? { params } : {}), id: nextNoticeId() } });
    },
  });
