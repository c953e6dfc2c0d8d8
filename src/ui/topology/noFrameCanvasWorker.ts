/** Stands in for frameCanvasWorkerFactory.ts in the single-file build: the page paints its canvas. */
export function createFrameCanvasWorker(): Worker | undefined {
  return undefined;
}
