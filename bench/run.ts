/**
 * `npm run bench`: prints the figures the issues ask for. Benchmarks, not pass/fail tests:
 * run them on a quiet machine and compare with the goals the issues state.
 */
import { benchCurlThroughRouter } from './curlRouter.bench';
import type { BenchResult } from './curlRouter.bench';
import { benchLab } from './labRequests.bench';
import { benchSchedulers } from './schedulers.bench';

const only = process.argv[2];
const suites: [string, () => BenchResult[]][] = [
  ['router', () => [benchCurlThroughRouter()]],
  ['labs', () => (['nat', 'dr', 'tun'] as const).map((id) => benchLab(id))],
  ['schedulers', () => benchSchedulers()],
];
for (const [name, run] of suites) {
  if (only && only !== name) continue;
  for (const r of run())
    console.log(
      `${r.name}: ${Math.round(r.value).toLocaleString('en-US')} ${r.unit}${r.note ? `  (${r.note})` : ''}`,
    );
}
