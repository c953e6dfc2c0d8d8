/**
 * `npm run bench`: prints the figures issues ask for. Benchmarks, not pass/fail tests: run
 * them on a quiet machine and compare with the goals stated in the issues.
 */
import { benchCurlThroughRouter } from './curlRouter.bench';

const results = [benchCurlThroughRouter()];
for (const r of results)
  console.log(`${r.name}: ${r.value.toFixed(0)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
