import type { StateCreator } from 'zustand';
import type { SessionReply } from '../session/protocol';
import type { SessionClient } from '../session/sessionClient';
import type { AppState, LiveSlice } from '../types';
import { forkFirst, logBefore } from './labSlice';

type Ended = Extract<SessionReply, { type: 'ended' }>;

export const createLiveSlice =
  (client: SessionClient): StateCreator<AppState, [], [], LiveSlice> =>
  (set, get) => {
    /** The command ended: it joins the log (the session already ran it) and the views redraw. */
    const commit = (r: Ended) => {
      const s = get();
      const end = client.view.trace.length;
      set({
        spec: { ...s.spec, log: [...s.spec.log, r.entry] },
        running: null,
        revision: s.revision + 1,
        playing: s.playing && s.cursor < end,
      });
    };
    /** One `advance` at a time: playback asks every frame, the session answers when it has run. */
    let advancing = false;
    return {
      running: null,

      startCommand(host, command) {
        get().interruptCommand();
        const s = get();
        const before = client.view.trace.length;
        const inPast = s.cursor < before && !s.playing;
        const kept = inPast ? logBefore(client.view, s.spec, s.cursor) : [...s.spec.log];
        const keepWatching = s.playing && s.cursor < before && !inPast;
        // Fork, begin and the instant step go together: the session runs them in order (a
        // replay holds what comes behind it), and over a worker their replies come back in one
        // message, so the page draws the typed command once, not its start and then its end.
        const fork = forkFirst(client, s.spec, kept);
        let begun = false;
        client.request({ type: 'begin', host, command }, (r) => {
          if (r.type !== 'begun') {
            get().showNotice('notice.commandFailed', { host });
            return;
          }
          begun = true;
          const v = client.view;
          set({
            spec: { ...get().spec, log: fork.log },
            running: r.running,
            revision: get().revision + 1,
            terminalHost: host,
            playing: true,
            ...(keepWatching ? {} : { cursor: v.trace.length, simTime: v.now }),
          });
        });
        // What needs next to no virtual time (ipvsadm, echo …: a process start) ends at once.
        client.request({ type: 'advance', mode: 'instant' }, (a) => {
          if (!begun || a.type !== 'ended') return;
          commit(a);
          // Its output is all printed at the instant it was typed: show it now, unless
          // playback is still animating something earlier.
          const w = client.view;
          if (!keepWatching) set({ cursor: w.trace.length, simTime: w.now, playing: false });
        });
      },

      interruptCommand() {
        if (!get().running) return;
        client.request({ type: 'interrupt' }, (r) => {
          if (r.type !== 'ended') return set({ running: null });
          commit(r);
          // Ctrl-C takes effect at once, as in a real terminal: `^C` and the prompt show now
          // instead of when playback would reach them through the output printed before.
          const v = client.view;
          set({ cursor: v.trace.length, simTime: v.now, playing: false });
        });
      },

      advanceRunning() {
        if (!get().running || advancing) return;
        advancing = true;
        client.request({ type: 'advance', mode: 'next-event' }, (r) => {
          advancing = false;
          if (r.type === 'ended') commit(r);
        });
      },
    };
  };
