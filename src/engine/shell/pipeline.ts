/**
 * Running a pipeline's stages side by side, as the kernel runs their processes: each stage is
 * a generator; a stage waiting on its pipe is resumed here as soon as the other side has acted,
 * and only when every stage waits on time or the network does the pipeline hand a Wait to the
 * driver (the earliest of them). Everything stays deterministic: the stages are stepped in order.
 */
import { createPipe, pipeWriter } from './pipe';
import type { Pipe } from './pipe';
import { checkInterrupt } from './runtime';
import type { Gen, Input, Io, Runtime } from './runtime';
import type { Wait } from './types';

type Held = { kind: 'sleep'; untilUs: number } | Extract<Wait, { kind: 'until' }>;

interface Stage {
  gen: Gen<number>;
  held: Held | undefined;
  started: boolean;
  done: boolean;
  status: number;
}

function isReady(s: Stage, now: number): boolean {
  if (!s.started) return true;
  const w = s.held;
  if (!w) return true;
  if (w.kind === 'sleep') return now >= w.untilUs;
  return w.done() || (w.deadlineUs !== undefined && now >= w.deadlineUs);
}

/**
 * Run `count` stages; `stage(i, io)` starts stage i with its standard streams. Returns the
 * stages' exit statuses. Ctrl-C ends every stage (their `finally` blocks run) and unwinds.
 */
export function* runStages(
  rt: Runtime,
  io: Io,
  count: number,
  stage: (i: number, io: Io) => Gen<number>,
): Gen<number[]> {
  const pipes: Pipe[] = Array.from({ length: count - 1 }, createPipe);
  const stages: Stage[] = [];
  for (let i = 0; i < count; i++) {
    const stdin: Input = i === 0 ? io.stdin : pipes[i - 1]!;
    const out = i === count - 1 ? io.out : pipeWriter(pipes[i]!);
    stages.push({
      gen: stage(i, { stdin, out, err: io.err }),
      held: undefined,
      started: false,
      done: false,
      status: 0,
    });
  }
  const finish = (i: number, status: number): void => {
    const s = stages[i]!;
    s.done = true;
    s.status = status;
    if (i < count - 1) pipes[i]!.open = false;
    if (i > 0) pipes[i - 1]!.readerGone = true;
  };
  try {
    while (stages.some((s) => !s.done)) {
      let moved = false;
      for (let i = 0; i < count; i++) {
        const s = stages[i]!;
        if (s.done || !isReady(s, rt.host.now())) continue;
        s.started = true;
        const r = s.gen.next();
        moved = true;
        if (r.done) finish(i, r.value);
        else
          s.held =
            r.value.kind === 'sleep' ? { kind: 'sleep', untilUs: rt.host.now() + r.value.us } : r.value;
      }
      if (moved) continue;
      yield combinedWait(stages, rt.host.now());
      checkInterrupt(rt);
    }
  } catch (e) {
    for (const s of stages) if (!s.done) s.gen.return(130);
    throw e;
  }
  return stages.map((s) => s.status);
}

/** The driver's turn: until some stage can go on, no later than the earliest sleep's end. */
function combinedWait(stages: readonly Stage[], now: number): Wait {
  let deadline: number | undefined;
  for (const s of stages) {
    const w = s.done ? undefined : s.held;
    const end = w?.kind === 'sleep' ? w.untilUs : w?.deadlineUs;
    if (end !== undefined) deadline = deadline === undefined ? end : Math.min(deadline, end);
  }
  const wait: Wait = {
    kind: 'until',
    done: () => stages.some((s) => !s.done && s.held?.kind === 'until' && s.held.done()),
  };
  if (deadline !== undefined) wait.deadlineUs = Math.max(deadline, now);
  return wait;
}
