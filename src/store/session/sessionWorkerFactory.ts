/**
 * A new session worker. Its own module so a build without workers (the single file, which runs
 * from file://, where a module worker cannot load) swaps it for noSessionWorker.ts by alias.
 */
export function createSessionWorker(): Worker | undefined {
  return new Worker(new URL('./sessionWorker.ts', import.meta.url), {
    type: 'module',
    name: 'lvs-lab-session',
  });
}
