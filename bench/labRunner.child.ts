/**
 * The runner suite's child process: `node <RUNNER_NODE_FLAGS> --import tsx labRunner.child.ts LAB
 * [--smoke]` measures the lab runner on LAB with the heap the shipped runner gives itself
 * (src/cli/runnerHeap.ts), and prints the result line.
 */
import { labRunnerBench } from './labRunner.bench';
import type { LabId } from './labRunner.bench';
import { noteProbe, probeMachine } from './machineProbe';
import { formatResult, FULL, measure, SMOKE } from './measure';

const [lab, flag] = process.argv.slice(2);
const smoke = flag === '--smoke';
noteProbe(probeMachine(smoke ? 100 : 400).ratio);
// A fresh process per lab, where the in-process suites ran each lab after others had compiled the
// same engine code: warm it by count first (measure's warm-up is wall time, and a loaded host
// gives a process a fifth of a core; TurboFan's threads count in the process's CPU).
labRunnerBench(lab as LabId).setup()(smoke ? 20 : 3000);
console.log(formatResult(measure(labRunnerBench(lab as LabId), smoke ? SMOKE : FULL)));
