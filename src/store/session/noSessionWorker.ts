/** Stands in for sessionWorkerFactory.ts in the single-file build: the session runs in the page. */
export function createSessionWorker(): Worker | undefined {
  return undefined;
}
