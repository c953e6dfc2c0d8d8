import { engine } from '../engine';
import type { LabId } from '@/engine';
import type { StateCreator } from 'zustand';
import { emptySpec, sameWork, sizeOf, withSize } from '../labSpec';
import type { LabSpec, LogEntry } from '../labSpec';
import { getRuntime, setupEnd, userResults } from '../runtimeCache';
import type { AppState, LabSlice, LoadOptions, Session } from '../types';

let noticeId = 0;

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
export function logBefore(spec: LabSpec, cursor: number): LogEntry[] {
  const rt = getRuntime(spec);
  const keep = userResults(rt).filter((r) => r.traceTo <= cursor).length;
  return spec.log.slice(0, keep);
}

export const createLabSlice: StateCreator<AppState, [], [], LabSlice> = (set, get) => ({
  spec: emptySpec('nat'),
  revision: 0,
  sessions: {},
  notice: null,

  loadLab(labId, opts = {}) {
    get().interruptCommand();
    const s = get();
    const sessions = {
      ...s.sessions,
      [s.spec.labId]: sessionOf(s.spec, s.cursor),
    };
    const next = sessionFor({ ...s, sessions }, labId, opts);
    const { cursor: _c, ...rest } = next;
    const spec: LabSpec = { labId, ...rest };
    const rt = getRuntime(spec);
    const end = rt.trace.length;
    const cursor = next.cursor < 0 || next.cursor > end ? end : next.cursor;
    set({
      spec,
      sessions,
      revision: s.revision + 1,
      cursor,
      simTime: rt.trace[cursor - 1]?.t ?? 0,
      playing: false,
      selectedFrame: null,
      selectedHost: null,
      filterHost: '',
      terminalHost: spec.log[spec.log.length - 1]?.host ?? rt.hostNames()[0] ?? '',
    });
  },

  runCommand(host, command, opts = {}) {
    // A control or a request while a terminal's command runs: that command gets Ctrl-C first.
    get().interruptCommand();
    const s = get();
    const before = getRuntime(s.spec);
    const inPast = s.cursor < before.trace.length && !s.playing;
    const kept = inPast ? logBefore(s.spec, s.cursor) : [...s.spec.log];
    const dropped = s.spec.log.length - kept.length;
    const entry: LogEntry = {
      host,
      command,
      ...(opts.maxTimeUs !== undefined ? { maxTimeUs: opts.maxTimeUs } : {}),
    };
    const spec: LabSpec = { ...s.spec, log: [...kept, entry] };
    const rt = getRuntime(spec);
    const res = rt.results[rt.results.length - 1]!;
    const moves = rt.trace.slice(res.traceFrom, res.traceTo).some((e) => e.kind === 'frame.tx');
    const autoplay = (opts.autoplay ?? true) && moves && !s.startPaused;
    // While a request is still animating, a new one queues behind it instead of cutting in.
    const keepWatching = s.playing && s.cursor < before.trace.length;
    const cursor = keepWatching ? s.cursor : moves ? res.traceFrom + 1 : res.traceTo;
    set({
      spec,
      revision: s.revision + 1,
      cursor,
      simTime: keepWatching ? s.simTime : (rt.trace[cursor - 1]?.t ?? 0),
      playing: keepWatching || autoplay,
      terminalHost: host,
      notice: dropped > 0 ? { key: 'notice.forked', params: { count: dropped }, id: ++noticeId } : s.notice,
    });
    return res.index;
  },

  runCommands(entries) {
    for (const e of entries) get().runCommand(e.host, e.command, { autoplay: false });
  },

  sendRequest(count = 1) {
    const { host, command } = requestCommand(get().spec.labId, count);
    const index = get().runCommand(host, command, { autoplay: count === 1 });
    if (count > 1) {
      // Many requests run at once; the student scrubs through them afterwards.
      const rt = getRuntime(get().spec);
      const res = rt.results[index]!;
      set({ cursor: res.traceTo, simTime: rt.trace[res.traceTo - 1]?.t ?? 0, playing: false });
    }
  },

  resetLab(opts = {}) {
    const s = get();
    const bare = opts.bare ?? s.spec.bare;
    get().loadLab(s.spec.labId, { ...sizeOf(s.spec), seed: s.spec.seed, bare, fresh: true });
    const rt = getRuntime(get().spec);
    set({ cursor: setupEnd(rt), simTime: rt.trace[setupEnd(rt) - 1]?.t ?? 0 });
  },

  dismissNotice() {
    set({ notice: null });
  },

  showNotice(key, params) {
    set({ notice: { key, ...(params ? { params } : {}), id: ++noticeId } });
  },
});
