import type { Wait } from './types';

/**
 * The wait for a running handle (curl, nc, tcpdump) to be done. Its check is made here, returned
 * unnamed: written as `done: () => h.done` in the literal, tsx (esbuild keepNames) gave each
 * request's arrow its name with a defineProperty call.
 */
export function untilDone(h: { readonly done: boolean }): Wait {
  return { kind: 'until', done: doneOf(h) };
}

function doneOf(h: { readonly done: boolean }): () => boolean {
  return () => h.done;
}
