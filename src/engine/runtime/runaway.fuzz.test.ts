/**
 * Fuzz: thousands of generated command lines, many of them runaway or hostile (busy loops,
 * doubling strings, huge printf widths, long pipelines), run on a lab. None may leak JavaScript
 * error text, exit with a status its tools do not document, report success after running out
 * of memory, or do unbounded engine work. Seeded from FUZZ_SEED, else from the commit hash.
 */
import { execSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LabRuntime } from './labRuntime';
import { MAX_EVENTS } from './runningCommand';

function fuzzSeed(): number {
  const env = process.env['FUZZ_SEED'];
  if (env !== undefined && env !== '') return Number(env) | 0;
  try {
    return parseInt(execSync('git rev-parse HEAD', { encoding: 'utf8' }).slice(0, 8), 16) | 0;
  } catch {
    return 11;
  }
}

const JS_TEXT =
  /TypeError|RangeError|ReferenceError|SyntaxError:|is not a function|is not defined|undefined|internal error|Invalid string length|Maximum call stack|\[object|NaN|Segmentation fault|at .*\.ts:\d+/;

/** Statuses the generated tools document (bash, coreutils, curl), plus 130 (Ctrl-C) and 141 (SIGPIPE). */
const STATUSES = new Set([0, 1, 2, 3, 6, 7, 22, 28, 126, 127, 130, 141]);

const num = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: 500 }),
  fc.constantFrom(100_000, 999999999, 1000000000, 2147483647, 2147483648, 3000000000, 99999999999),
);
const small = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 500 }), weight: 40 },
  { arbitrary: fc.constant(100_000), weight: 1 },
);
const conv = fc.constantFrom('d', 's', 'f', 'e', 'g', 'x', 'c', 'b', 'q', '%');
const printf = fc
  .tuple(fc.constantFrom('', '-', '0', '+', ' '), fc.option(num), fc.option(num), conv, num)
  .map(([flag, w, p, c, arg]) => `printf '${`%${flag}${w ?? ''}${p === null ? '' : `.${p}`}${c}`}' ${arg}`);
const starPrintf = fc.tuple(num, num).map(([w, v]) => `printf '%*d' ${w} ${v}`);
const seq = fc.tuple(small, fc.option(small)).map(([a, b]) => (b === null ? `seq ${a}` : `seq ${a} ${b}`));
const filter = fc.constantFrom(
  'wc -l',
  'wc -c',
  'wc',
  'cat',
  'sort',
  'sort -n',
  'tail -1',
  'head -2',
  'grep 1',
  'tr 1 2',
);
const producer = fc.oneof(
  seq,
  printf,
  starPrintf,
  fc.constantFrom('echo hi', 'curl -s 127.0.0.1:888', 'true'),
);
const pipeline = fc
  .tuple(producer, fc.array(filter, { maxLength: 3 }))
  .map(([p, fs]) => [p, ...fs].join(' | '));
const loop = fc.constantFrom(
  'until false; do sleep 0; done',
  'while true; do :; done',
  'x=a; while true; do x=$x$x; done',
  'while true; do curl -s 127.0.0.1:888; done',
  'for i in $(seq 1 1000); do echo $i; done | wc -l',
  'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo $i',
  'f() { f; }; f',
  'x=$(seq 1 100000); echo ${#x}',
  'x=$(printf "%*d" 100000000 1); echo ${#x}',
  'y=b; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26; do y=$y$y; done; echo ${#y}',
  'seq 1 100000 | while read l; do :; done',
  'cat /dev/zero | wc -c',
);
const line = fc.oneof(
  { arbitrary: pipeline, weight: 8 },
  { arbitrary: printf, weight: 3 },
  { arbitrary: loop, weight: 1 },
  {
    arbitrary: fc.constantFrom(
      'x=abc; echo ${x:1} ${#x}',
      'echo $((2**62)) $((1/0))',
      'read x <<< hi; echo $x',
    ),
    weight: 1,
  },
  {
    arbitrary: fc.tuple(pipeline, fc.constantFrom(';', '&&', '||', '|'), pipeline).map((p) => p.join(' ')),
    weight: 2,
  },
);

describe('fuzz: runaway and hostile command lines on a lab', () => {
  test('10,000 generated lines: no JavaScript text, documented statuses, bounded work', () => {
    const seed = fuzzSeed();
    let rt = LabRuntime.create('nat');
    let count = 0;
    try {
      fc.assert(
        fc.property(line, fc.constantFrom('client', 'rs1'), (command, host) => {
          if (++count % 2_500 === 0) rt = LabRuntime.create('nat');
          const events = rt.sim.executed;
          const r = rt.exec({ host, command, maxTimeUs: 1_000 });
          expect(r.stdout).not.toMatch(JS_TEXT);
          expect(r.stderr).not.toMatch(JS_TEXT);
          expect(STATUSES.has(r.exit)).toBe(true);
          if (/memory exhausted|cannot allocate/.test(r.stderr) && !/[;&|]/.test(command)) {
            expect(r.exit).not.toBe(0);
          }
          expect(rt.sim.executed - events).toBeLessThan(MAX_EVENTS);
          // The command stopped by its limit, plus the settle window and one last quantum.
          expect(r.end - r.start).toBeLessThan(1_000 + 200_000 + 2_000);
        }),
        { numRuns: 10_000, seed },
      );
    } catch (e) {
      console.error(`runaway fuzz failed with FUZZ_SEED=${seed}`);
      throw e;
    }
  }, 300_000);
});
