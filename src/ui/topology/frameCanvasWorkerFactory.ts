/**
 * A worker that paints the frame canvas (frameCanvasWorker.ts). Its own module so a build
 * without workers (the single file, run from file://) swaps it for noFrameCanvasWorker.ts by alias.
 */
export function createFrameCanvasWorker(): Worker | undefined {
  return new Worker(new URL('./frameCanvasWorker.ts', import.meta.url), {
    type: 'module',
    name: 'lvs-lab-frame-canvas',
  });
}
