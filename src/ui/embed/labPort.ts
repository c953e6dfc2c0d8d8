/**
 * What the postMessage API does to a lab's store, and what it reports from it. Requests use the
 * store's own actions (as a click or a typed command would); reports watch the store.
 */
import type { TraceEvent, TraceLog } from '@/engine';
import type { LabMessage, ParentMessage } from '@/embed/messages';
import { cursorAtOrAfter } from '@/embed/stableCursor';
import { sessionOf } from '@/store/createAppStore';
import type { AppStore } from '@/store/createAppStore';
import { engine } from '@/store/engine';
import { isLabId, sizeOf } from '@/store/labSpec';
import type { LabSpec } from '@/store/labSpec';
import { decodeLab, linkCursor, runnableSpec } from '@/store/share';
import type { AppState } from '@/store/types';
import { whenOpen } from '@/store/whenOpen';
import { shareStringOf } from '../session/addressBar';

/** The `version` of lvs-lab:ready: the embed contract's version, bumped when its names change. */
export const EMBED_API_VERSION = '1';

export function labIds(): string[] {
  return [...engine().LABS.keys()];
}

export function stateMessage(store: AppStore): LabMessage {
  const s = store.getState();
  return {
    type: 'lvs-lab:state',
    state: shareStringOf(store),
    step: Math.max(0, s.cursor),
    lab: s.spec.labId,
  };
}

function loadState(store: AppStore, text: string): string | undefined {
  const shared = decodeLab(text);
  if (!shared) return 'state is not a share string this lab can read';
  const { spec } = runnableSpec(shared.spec);
  store
    .getState()
    .loadLab(spec.labId, { ...sizeOf(spec), seed: spec.seed, bare: spec.bare, log: [...spec.log] });
  whenOpen(store, () =>
    store.getState().seek(linkCursor(sessionOf(store).view.trace, { cursor: shared.cursor })),
  );
  if (shared.language) store.setState({ language: shared.language });
  if (shared.scheme) store.setState({ scheme: shared.scheme });
  return undefined;
}

/** Carry out a valid request; an error text when it cannot be done (then nothing changed). */
export function handleRequest(
  store: AppStore,
  m: ParentMessage,
  post: (m: LabMessage) => void,
): string | undefined {
  const s = store.getState();
  switch (m.type) {
    case 'lvs-lab:run': {
      const hosts = sessionOf(store).view.hostNames();
      if (!hosts.includes(m.host)) return `no host named ${m.host} in this lab (hosts: ${hosts.join(', ')})`;
      s.runCommand(m.host, m.command);
      return undefined;
    }
    case 'lvs-lab:load':
      if ('state' in m) return loadState(store, m.state);
      if (!isLabId(m.lab)) return `no lab named ${m.lab}`;
      s.loadLab(m.lab, {
        ...(m.seed !== undefined ? { seed: m.seed } : {}),
        bare: m.bare ?? false,
        fresh: true,
      });
      return undefined;
    case 'lvs-lab:seek': {
      const trace = sessionOf(store).view.trace;
      s.seek('at' in m ? cursorAtOrAfter(trace, m.at) : m.step);
      return undefined;
    }
    case 'lvs-lab:play':
      s.play();
      return undefined;
    case 'lvs-lab:pause':
      s.pause();
      return undefined;
    case 'lvs-lab:get-state':
      post(stateMessage(store));
      return undefined;
  }
}

function sameLab(a: LabSpec, b: LabSpec): boolean {
  const sa = sizeOf(a);
  const sb = sizeOf(b);
  return (
    a.labId === b.labId &&
    a.seed === b.seed &&
    a.bare === b.bare &&
    sa.servers === sb.servers &&
    sa.clients === sb.clients
  );
}

/** Log entries `next` added after what it shares (by identity) with `prev`: commands that just finished. */
function newEntries(prev: AppState, next: AppState): number[] {
  if (next.running || next.spec.log === prev.spec.log || !sameLab(prev.spec, next.spec)) return [];
  let kept = 0;
  while (kept < prev.spec.log.length && prev.spec.log[kept] === next.spec.log[kept]) kept++;
  return next.spec.log.map((_, i) => i).slice(kept);
}

/**
 * Report commands (lvs-lab:command, then lvs-lab:state) and cursor moves (lvs-lab:step, at most
 * one per task: playback moves the cursor many times a frame). `quiet()` is true while a load
 * request replaces the log, whose commands are not news.
 */
export function watchStore(
  store: AppStore,
  post: (m: LabMessage) => void,
  text: (ev: TraceEvent, trace: TraceLog) => string,
  quiet: () => boolean,
): () => void {
  let stepQueued = false;
  const postStep = () => {
    stepQueued = false;
    const s = store.getState();
    const trace = sessionOf(store).view.trace;
    const ev = s.cursor > 0 ? trace.at(s.cursor - 1) : undefined;
    post({
      type: 'lvs-lab:step',
      step: Math.max(0, s.cursor),
      at: ev?.t ?? 0,
      kind: ev?.kind ?? '',
      text: ev ? text(ev, trace) : '',
    });
  };
  return store.subscribe((next, prev) => {
    const added = quiet() ? [] : newEntries(prev, next);
    if (added.length > 0) {
      const results = sessionOf(store).view.userResults();
      for (const i of added) {
        const r = results[i];
        if (r)
          post({
            type: 'lvs-lab:command',
            host: r.host,
            command: r.command,
            stdout: r.stdout,
            stderr: r.stderr,
            exit: r.exit,
          });
      }
      post(stateMessage(store));
    }
    if (next.cursor !== prev.cursor && next.cursor >= 0 && !stepQueued) {
      stepQueued = true;
      queueMicrotask(postStep);
    }
  });
}
