import { useEffect, useRef } from 'react';
import { useStoreApi } from '@/store/useAppStore';
import { getRuntime } from '@/store/runtimeCache';
import { traceModelFor } from '../model/traceModel';
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
      const rt = getRuntime(s.spec);
      const model = traceModelFor(rt, rt.trace);
      let pos;
      if (reducedRef.current) {
        acc += dt * s.speed;
        pos = { simTime: s.simTime, cursor: s.cursor, done: s.cursor >= rt.trace.length };
        if (acc >= REDUCED_STEP_MS) {
          acc = 0;
          pos = nextEventGroup(rt.trace, s.cursor);
        }
      } else pos = advancePlayback(rt.trace, model.hops, s, dt, s.speed);
      store.setState({ simTime: pos.simTime, cursor: pos.cursor, playing: !pos.done });
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
