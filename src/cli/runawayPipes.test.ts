/**
 * Pipelines whose reader stops early or reads as it goes, in the lab runner: head, tail, grep
 * and cat stream as on Linux, so a writer that would run for ever (yes, a huge seq) ends with
 * SIGPIPE once its reader is done, and memory stays bounded. Each row states stdout, stderr and
 * the exit status; the bound is a hang check, not a benchmark.
 */
import { describe, expect, test } from 'vitest';
import { HANG_MS, labRunner } from './labRunnerRows';

const { runLines } = labRunner('lvs-lab-pipes-');
const run = (commands: string[], args: string[] = []) =>
  runLines(
    commands.map((c) => `client# ${c}`),
    args,
  );

/** [command, stdout, stderr, exit] */
const FINISHING: [string, string, string, number][] = [
  ['seq 1 100000000 | head -3', '1\n2\n3\n', '', 0],
  ['yes | head -2', 'y\ny\n', '', 0],
  ['yes no | head -n 1', 'no\n', '', 0],
  ['yes | head -c 5', 'y\ny\ny', '', 0],
  ['seq 1 100000000 | cat | head -2', '1\n2\n', '', 0],
  ['seq 1 100000000 | grep -q 5', '', '', 0],
  ['seq 1 100000000 | grep 99 | head -2', '99\n199\n', '', 0],
  ['yes | cat -n | head -2', '     1\ty\n     2\ty\n', '', 0],
  ['seq 1 100000000 | head -1 | wc -l', '1\n', '', 0],
  ["printf 'a\\nb\\nc' | tail -n 1", 'c', '', 0],
  ["printf 'a\\nb' | head -n 5", 'a\nb', '', 0],
  ['seq 10 | head -n -7', '1\n2\n3\n', '', 0],
  ['seq 10 | tail -n +9', '9\n10\n', '', 0],
  ['seq 5 | tail -c 4', '4\n5\n', '', 0],
  ['seq 3 | head -n x', '', "head: invalid number of lines: 'x'\n", 1],
  ['seq 3 | tail -c y', '', "tail: invalid number of bytes: 'y'\n", 1],
  ['seq 3 | grep -c 7', '0\n', '', 1],
  ['head -n 1 /nope', '', 'head: /nope: No such file or directory\n', 1],
];

describe('pipelines stream as on Linux', () => {
  test(
    'readers that stop early end their writers at once (SIGPIPE), with exact output',
    () => {
      const rows = run(FINISHING.map(([c]) => c));
      rows.forEach((r, i) => {
        const [command, stdout, stderr, exit] = FINISHING[i]!;
        expect({ command: r.command, stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({
          command,
          stdout,
          stderr,
          exit,
        });
      });
      // Ended at once: well under the seconds a full seq 1 100000000 takes in virtual time.
      expect(rows[1]!.time - rows[0]!.time).toBeLessThan(0.5);
    },
    HANG_MS,
  );

  test(
    'seq 1 100000000 | tail -2 reads everything, keeping only the last lines',
    () => {
      const [r] = run(['seq 1 100000000 | tail -2']);
      expect(r).toMatchObject({ stdout: '99999999\n100000000\n', stderr: '', exit: 0 });
    },
    HANG_MS,
  );

  test(
    'yes | grep -c y never ends on its own: --max-time 1 interrupts it (^C, exit 130, no count)',
    () => {
      const [r] = run(['yes | grep -c y'], ['--max-time', '1']);
      expect(r).toMatchObject({ stdout: '', stderr: '', exit: 130 });
    },
    HANG_MS,
  );

  test(
    'yes alone fills the terminal until --max-time 1 interrupts it',
    () => {
      const [r] = run(['yes'], ['--max-time', '1']);
      expect(r).toMatchObject({ stderr: '', exit: 130 });
      expect(r!.stdout.length).toBeGreaterThan(1000);
      expect(new Set(r!.stdout.split('\n').slice(0, -1))).toEqual(new Set(['y']));
    },
    HANG_MS,
  );
});
