import { useStore } from 'zustand';
import type { AppStore } from '@/store/createAppStore';
import { sessionOf } from '@/store/createAppStore';
import { busySpan } from '../model/busySpan';
import { loadSeries } from '../model/directorLoad';
import type { Load, LoadSeries } from '../model/directorLoad';
import { traceModelFor } from '../model/traceModel';

const series = new WeakMap<object, { length: number; s: LoadSeries; busy: (c: number) => number }>();

/** The director's load at a store's cursor: frames and bytes in and out, and how long it was busy (µs). */
export function useDirectorLoad(store: AppStore): Load & { busyUs: number } {
  const spec = useStore(store, (s) => s.spec);
  const cursor = useStore(store, (s) => s.cursor);
  useStore(store, (s) => s.revision);
  void spec; // a new lab or log: the session's view below is the new one
  const rt = sessionOf(store).view;
  let hit = series.get(rt);
  if (!hit || hit.length !== rt.trace.length) {
    const model = traceModelFor(rt, rt.trace);
    const director = rt.def.hosts.find((h) => h.role === 'director')?.name ?? 'director';
    hit = {
      length: rt.trace.length,
      s: loadSeries(rt.trace, model.hops, director),
      busy: busySpan(rt.trace, director, rt.setupEnd()),
    };
    series.set(rt, hit);
  }
  return { ...hit.s.at(cursor), busyUs: hit.busy(cursor) };
}
