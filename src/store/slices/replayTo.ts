import type { StoreApi } from 'zustand';
import type { LabSpec } from '../labSpec';
import type { SessionClient } from '../session/sessionClient';
import type { AppState } from '../types';
import { nextNoticeId } from './noticeId';

type Set = StoreApi<AppState>['setState'];

/**
 * Ask the session to run exactly `spec`, then `done` with what it ran. A replay that needs more
 * than one chunk shows its progress (`replay`) meanwhile; one stopped by the user keeps the
 * commands replayed so far; one the engine cannot run opens the lab with an empty log.
 */
export function replayTo(
  client: SessionClient,
  set: Set,
  spec: LabSpec,
  done: (ran: LabSpec, stopped: boolean) => void,
): void {
  let answered = false;
  client.request({ type: 'replay', spec }, (r) => {
    answered = true;
    set({ replay: null });
    if (r.type === 'replayed') {
      done({ ...spec, log: r.log }, r.stopped);
      if (r.stopped)
        set({
          notice: {
            key: 'notice.replayStopped',
            params: { count: spec.log.length - r.log.length },
            id: nextNoticeId(),
          },
        });
      return;
    }
    if (spec.log.length === 0) return; // nothing simpler to fall back to
    replayTo(client, set, { ...spec, log: [] }, done);
    set({ notice: { key: 'notice.replayFailed', id: nextNoticeId() } });
  });
  if (!answered) set({ replay: { done: 0, total: spec.log.length }, playing: false });
}
