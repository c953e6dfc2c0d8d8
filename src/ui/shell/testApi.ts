import type { LabId, TraceEvent } from '@/engine';
import { sessionOf } from '@/store/createAppStore';
import type { AppStore } from '@/store/createAppStore';
import { serializeLab } from '@/store/labSpec';
import type { Language, Scheme } from '@/store/types';
import { testStores } from './testApiRegistry';

function pick(which: 'main' | 'nat' | 'dr' = 'main'): AppStore {
  const s = testStores[which];
  if (!s) throw new Error(`no ${which} store on this page`);
  return s;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function api(which: 'main' | 'nat' | 'dr') {
  const st = () => pick(which).getState();
  const rt = () => sessionOf(pick(which)).view;
  return {
    /** Open a lab with a fresh command log (or its saved one with keep: true). */
    load(labId: LabId, opts: { seed?: number; bare?: boolean; keep?: boolean } = {}) {
      const { keep, ...rest } = opts;
      st().loadLab(labId, { ...rest, fresh: !keep });
      return this.state();
    },
    /** Run a command to its end, or (maxTimeUs) for that much virtual time, as a logged Ctrl-C does. */
    run(host: string, command: string, maxTimeUs?: number) {
      const index = st().runCommand(host, command, { autoplay: false, ...(maxTimeUs ? { maxTimeUs } : {}) });
      const r = rt().results[index]!;
      return {
        index,
        stdout: r.stdout,
        stderr: r.stderr,
        exit: r.exit,
        traceFrom: r.traceFrom,
        traceTo: r.traceTo,
      };
    },
    send(count = 1) {
      st().pause();
      const s = st();
      const paused = s.startPaused;
      s.setStartPaused(true);
      s.sendRequest(count);
      st().setStartPaused(paused);
      return this.state();
    },
    step(n = 1) {
      for (let i = 0; i < n; i++) st().stepForward();
      return st().cursor;
    },
    back(n = 1) {
      for (let i = 0; i < n; i++) st().stepBack();
      return st().cursor;
    },
    seek: (cursor: number) => st().seek(cursor),
    seekTime: (t: number) => st().seekTime(t),
    play: () => st().play(),
    /** Type a command into a terminal: it runs live, as playback advances it. */
    live: (host: string, command: string) => st().startCommand(host, command),
    interrupt: () => st().interruptCommand(),
    pause: () => st().pause(),
    selectFrame: (frame: string | null) => st().selectFrame(frame),
    selectHost: (host: string | null) => st().selectHost(host),
    setLanguage: (l: Language) => st().setLanguage(l),
    setScheme: (s: Scheme) => st().setScheme(s),
    state() {
      const s = st();
      return clone({
        labId: s.spec.labId,
        seed: s.spec.seed,
        bare: s.spec.bare,
        log: s.spec.log,
        cursor: s.cursor,
        simTime: s.simTime,
        playing: s.playing,
        traceLength: rt().trace.length,
        revision: s.revision,
        language: s.language,
        scheme: s.scheme,
        selectedFrame: s.selectedFrame,
        selectedHost: s.selectedHost,
        inspectorTab: s.inspectorTab,
        terminalHost: s.terminalHost,
      });
    },
    /**
     * Resolves with the store's revision and log length once the revision is no longer `from`:
     * a probe that waits on this costs the page nothing while it waits (polling `state()` clones
     * the whole log every task).
     */
    revisionAfter(from: number): Promise<{ revision: number; log: number }> {
      const store = pick(which);
      const now = () => ({ revision: store.getState().revision, log: store.getState().spec.log.length });
      return new Promise((resolve) => {
        if (store.getState().revision !== from) return resolve(now());
        const off = store.subscribe((s) => {
          if (s.revision === from) return;
          off();
          resolve(now());
        });
      });
    },
    trace(from = 0, to?: number): TraceEvent[] {
      return clone(rt().trace.slice(from, to));
    },
    /** Positions of events of `kind` whose fields equal `where`. */
    find(kind: string, where: Record<string, unknown> = {}, from = 0): number[] {
      return rt()
        .trace.slice(from)
        .filter((e) => e?.kind === kind && Object.entries(where).every(([k, v]) => Reflect.get(e, k) === v))
        .map((e) => e.seq);
    },
    serialize: () => serializeLab(st().spec),
    /** Type a command without reading its result (with ?worker=1 the result comes a task later). */
    type: (host: string, command: string) => void st().runCommand(host, command, { autoplay: false }),
    /** Open `labId` with this log, replayed (a long one in chunks; `state().log` tells when it is in). */
    open(labId: LabId, log: { host: string; command: string; maxTimeUs?: number }[]) {
      st().loadLab(labId, { log, fresh: true });
    },
    /** Where each typed command's events lie in the trace. */
    results: () =>
      rt()
        .userResults()
        .map((r) => ({ traceFrom: r.traceFrom, traceTo: r.traceTo })),
    /** A long session's bound: keep `keep` trace events in full detail (as `?traceKeep=N`). */
    bound: (keep: number) => sessionOf(pick(which)).request({ type: 'bound', keep }),
    /** Where full trace detail starts in the page, and what was summarised before it. */
    kept: () => clone({ first: rt().trace.first ?? 0, summary: rt().trace.summarised?.() ?? null }),
    /** The session's spare runtimes and where its last replay or fork started. */
    session: () =>
      clone({
        checkpoints: sessionOf(pick(which)).checkpoints,
        lastReplay: sessionOf(pick(which)).lastReplay,
      }),
  };
}

export type LvsLabTestApi = ReturnType<typeof api> & {
  ready: true;
  pane(which: 'nat' | 'dr'): ReturnType<typeof api>;
};

declare global {
  interface Window {
    __lvsLab?: LvsLabTestApi;
  }
}

/** window.__lvsLab: load a lab, run commands, step, read the trace (Playwright drives it). */
export function installTestApi(): void {
  window.__lvsLab = Object.assign(api('main'), { ready: true as const, pane: (w: 'nat' | 'dr') => api(w) });
}
