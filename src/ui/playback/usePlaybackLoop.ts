import { useEffect, useRef } from 'react';
import { useStoreApi } from '@/store/useAppStore';
import { sessionOf } from '@/store/createAppStore';
import { traceModelFor } from '../model/traceModel';
import { outputBusy } from '../terminal/outputGate';
import { advancePlayback, nextEventGroup } from './playbackMath';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';

const REDUCED_STEP_MS = 700;

/**
 * The single rAF loop of a lab view: maps wall time × speed to simulation time while playing.
 * It writes the clock and cursor into the store; every picture is a pure function of those.
 */
export function usePlaybackLoop(): void {
  const store = useStoreApi();
  const reduced = usePrefersReducedMotion();
  const reducedRef = useRef(reduced);
  useEffect(() => {
    reducedRef.current = reduced;
  }, [reduced]);
  useEffect(() => {
    let raf = 0;
    let last = 0;
    let acc = 0;
    const frame = (now: number) => {
      const s = store.getState();
      if (!s.playing) {
        raf = 0;
        return;
      }
      const dt = last ? Math.min(now - last, 100) : 0;
      last = now;
      // A terminal's live command: once the picture and the terminals have caught up, let it
      // reach its next event (a terminal still drawing holds it, as a full pty blocks a writer).
      if (s.running && s.cursor >= sessionOf(store).view.trace.length && !outputBusy(store))
        s.advanceRunning();
      const cur = store.getState();
      const rt = sessionOf(store).view;
      const model = traceModelFor(rt, rt.trace);
      let pos;
      if (reducedRef.current) {
        acc += dt * s.speed;
        pos = { simTime: cur.simTime, cursor: cur.cursor, done: cur.cursor >= rt.trace.length };
        if (acc >= REDUCED_STEP_MS) {
          acc = 0;
          pos = nextEventGroup(rt.trace, cur.cursor);
        }
      } else pos = advancePlayback(rt.trace, model.hops, cur, dt, cur.speed);
      if (!cur.playing) {
        raf = 0;
        return;
      }
      // Playback goes on while a command runs, even with nothing new to show yet.
      store.setState({ simTime: pos.simTime, cursor: pos.cursor, playing: !pos.done || !!cur.running });
      raf = requestAnimationFrame(frame);
    };
    const start = () => {
      if (raf || !store.getState().playing) return;
      last = 0;
      raf = requestAnimationFrame(frame);
    };
    start();
    const unsub = store.subscribe((s, prev) => {
      if (s.playing && !prev.playing) start();
    });
    return () => {
      unsub();
      if (raf) cancelAnimationFrame(raf);
    };
  }, [store]);
}
