/**
 * Whether the host is in a slow spell. On the shared VMs we measure on, code that works from the
 * caches runs 30–45% slower for seconds to minutes at a time, on one vCPU or both, while a loop
 * that works in registers keeps its speed and the process keeps its core (so CPU time does not
 * show it; most likely another tenant on the same physical core). Two fixed loops tell it apart:
 * one in registers, one of random reads and writes over 512 KB. Each is timed by the process's
 * CPU time, so being descheduled does not count; the ratio cache/register is steady on a quiet
 * host (0.90–0.97 on ours) and falls in a spell (0.60–0.70). The figures are the machine's, not
 * the engine's: a benchmark measured at a low ratio was measured in a spell.
 */

const CACHE_WORDS = 1 << 17; // 512 KB of Int32: past L1, within L2
const STEPS = 20_000;

let table: Int32Array | undefined;
let sink = 0;

/** CPU microseconds of this process (every thread; the probe's loops are the only work). */
function cpuMicros(): number {
  const c = process.cpuUsage();
  return c.user + c.system;
}

/** Steps per CPU microsecond of `loop` over about `ms` of CPU time. */
function rate(loop: () => void, ms: number): number {
  let steps = 0;
  const c0 = cpuMicros();
  let used: number;
  do {
    loop();
    steps += STEPS;
    used = cpuMicros() - c0;
  } while (used < ms * 1000);
  return steps / used;
}

function registerLoop(): void {
  let x = sink | 1;
  for (let i = 0; i < STEPS; i++) x = (Math.imul(x, 2654435761) + i) | 0;
  sink = x;
}

function cacheLoop(): void {
  const a = (table ??= new Int32Array(CACHE_WORDS).map((_, i) => i));
  const mask = CACHE_WORDS - 1;
  let x = sink | 1;
  for (let i = 0; i < STEPS; i++) {
    x = (Math.imul(x, 2654435761) + i) | 0;
    const j = (x >>> 7) & mask;
    a[j] = (a[j]! + x) | 0;
  }
  sink = x;
}

export interface Probe {
  /** Steps per CPU µs of the register-only loop. */
  register: number;
  /** Steps per CPU µs of the cache-bound loop (the same arithmetic plus a read and a write). */
  cache: number;
  /** cache / register: steady on a quiet host, lower in a slow spell. */
  ratio: number;
}

let warm = false;

/**
 * Times both loops, about `ms` of CPU time in all, in four interleaved pairs of slices so a spell
 * that starts midway shows in both; the ratio is the median pair's, so one slice that lost its
 * caches to a context switch does not decide it. The first call first runs them unmeasured (the
 * JIT's warm-up).
 */
export function probeMachine(ms: number): Probe {
  if (!warm) {
    warm = true;
    probeMachine(100);
  }
  // Bring the table back into the caches: the code measured before may have evicted it, and
  // refilling it is not what the probe asks.
  const a = (table ??= new Int32Array(CACHE_WORDS).map((_, i) => i));
  for (let i = 0; i < CACHE_WORDS; i += 16) sink ^= a[i]!;
  const registers: number[] = [];
  const caches: number[] = [];
  const ratios: number[] = [];
  const slice = ms / 8;
  for (let k = 0; k < 4; k++) {
    const r = rate(registerLoop, slice);
    const c = rate(cacheLoop, slice);
    registers.push(r);
    caches.push(c);
    ratios.push(c / r);
  }
  return { register: middle(registers), cache: middle(caches), ratio: middle(ratios) };
}

/** The mean of the two middle values of four. */
function middle(xs: number[]): number {
  const s = xs.sort((x, y) => x - y);
  return (s[1]! + s[2]!) / 2;
}

/**
 * A benchmark whose probes' median is below this share of the best median the process has seen
 * (the start probe's included) is marked as measured in a spell.
 */
export const SPELL_SHARE = 0.85;

let best = 0;

/** Records a probe median; gives the best so far (the host at its quietest in this process). */
export function noteProbe(ratio: number): number {
  best = Math.max(best, ratio);
  return best;
}
