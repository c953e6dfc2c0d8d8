import { RUNNER_KEEP_EVENTS, runLine } from '../src/cli/lvs-lab';
import { parseTranscript } from '../src/cli/transcript';
import { LabRuntime } from '../src/engine';
import type { BenchSpec } from './measure';

type LabId = 'nat' | 'dr' | 'tun';

const VIP: Record<LabId, string> = { nat: '172.16.132.18', dr: '192.168.99.188', tun: '192.168.99.188' };

/**
 * Requests per second the way users run them: the lab runner (`npm run lab -- --lab nat FILE`) on
 * its configured lab, one `client# curl -s VIP` line after another, through the client's shell,
 * with the trace recorded and the terminal text printed (to a sink, not a tty).
 */
export function labRunnerBench(id: LabId): BenchSpec {
  let events = 0;
  return {
    name: `lab runner: client# curl -s ${VIP[id]} on the ${id} lab (trace on, bounded as npm run lab keeps it)`,
    unit: 'requests/s',
    goal: 20_000,
    batch: 50,
    setup() {
      const rt = LabRuntime.create(id);
      // As `npm run lab` runs a transcript (no --trace/--pcap writer): older detail summarised.
      rt.boundTrace(RUNNER_KEEP_EVENTS, Infinity);
      const [line] = parseTranscript(`client# curl -s ${VIP[id]}\n`, rt.hostNames(), (h, s) =>
        rt.isComplete(h, s),
      );
      const opts = { json: false, maxTimeS: 60 };
      let printed = '';
      const write = (s: string): void => {
        printed = s;
      };
      const from = rt.trace.length;
      let done = 0;
      return (n) => {
        for (let k = 0; k < n; k++, done++) {
          runLine(rt, line!, opts, write);
          if (!/rs\d+\n$/.test(printed)) throw new Error(`${id}: request ${done} failed: ${printed}`);
        }
        events = Math.round((rt.trace.length - from) / done);
      };
    },
    note: () => `${events} trace events per request`,
  };
}
