import type * as Engine from '@/engine';

export type EngineModule = typeof Engine;

let mod: EngineModule | undefined;
let pending: Promise<EngineModule> | undefined;

/**
 * The engine is its own chunk, fetched as the page starts (in parallel with React and the
 * catalogs) so the first paint does not wait on a bundle that holds a whole shell and stack.
 */
export function loadEngine(): Promise<EngineModule> {
  pending ??= import('@/engine').then((m) => (mod = m));
  return pending;
}

/** The loaded engine; the app renders only after loadEngine() resolved. */
export function engine(): EngineModule {
  if (!mod) throw new Error('engine not loaded yet: await loadEngine() first');
  return mod;
}

/** A context that imported the engine itself (the session's Web Worker) hands it over here. */
export function provideEngine(m: EngineModule): void {
  mod = m;
  pending = Promise.resolve(m);
}
