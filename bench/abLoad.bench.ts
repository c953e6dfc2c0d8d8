/**
 * Issue 12's report (no goal yet): `ab -n N -c C http://VIP/` on the client of each configured
 * lab, run the way the headless lab runner runs a transcript line (LabRuntime.exec). Prints the
 * wall-clock requests/s of the simulation, the virtual seconds the command took, and ab's own
 * "Requests per second" line, which ab computes on virtual time.
 */
import { getLab, LabRuntime, SEC } from '../src/engine';

type LabId = 'nat' | 'dr' | 'tun';

export interface AbLoad {
  lab: LabId;
  n: number;
  c: number;
}

/** Generous: the command is not to be cut short by the runner's default time limit. */
const MAX_VIRTUAL_US = 3600 * SEC;

export function runAbLoad({ lab, n, c }: AbLoad): string {
  const def = getLab(lab)!;
  const rt = LabRuntime.create(lab, { seed: 1 });
  const command = `ab -n ${n} -c ${c} http://${def.vip}/`;
  const t0 = performance.now();
  const r = rt.exec({ host: 'client', command, maxTimeUs: MAX_VIRTUAL_US });
  const wallS = (performance.now() - t0) / 1000;
  const complete = /^Complete requests: +(\d+)$/m.exec(r.stdout)?.[1];
  const failed = /^Failed requests: +(\d+)$/m.exec(r.stdout)?.[1];
  if (r.exit !== 0 || complete !== String(n) || failed !== '0')
    throw new Error(`${lab}: ${command} failed (exit ${r.exit})\n${r.stdout}${r.stderr}`);
  const abLine = /^Requests per second:.*$/m.exec(r.stdout)?.[0] ?? '(no line)';
  const virtualS = (r.end - r.start) / SEC;
  return (
    `${command} through the ${lab} director: ${Math.round(n / wallS).toLocaleString('en-US')} requests/s ` +
    `wall clock (${wallS.toFixed(2)} s), ${virtualS.toFixed(3)} virtual s; ab: "${abLine.replace(/\s+/g, ' ')}" ` +
    `(report, no goal)`
  );
}

export const abLoads = (smoke: boolean): AbLoad[] =>
  (['nat', 'dr', 'tun'] as const).map((lab) => (smoke ? { lab, n: 200, c: 10 } : { lab, n: 10_000, c: 50 }));
