import { describe, expect, test } from 'vitest';
import { runWithDeadline } from './driver';
import { createMemoryFs } from './memoryFs';
import { parsedSteps } from './parseCache';
import { createShell } from './shell';

/** One line through a fresh bare shell: stdout, stderr and the status. */
function run(source: string): { out: string; err: string; status: number } {
  let now = 0;
  const shell = createShell({ hostname: 'h', now: () => now, commands: new Map() }, createMemoryFs());
  let out = '';
  let err = '';
  const r = runWithDeadline(
    (i) => shell.run(source, { out: (s) => (out += s), err: (s) => (err += s) }, i),
    (w) => {
      if (w.kind === 'sleep') now += w.us;
      else if (!w.done()) now = Math.max(now, w.deadlineUs ?? now);
    },
    { now: () => now, deadlineUs: 60_000_000, maxSteps: 1_000_000 },
  );
  return { out, err, status: r.result.status };
}

/** Trailing blanks after the last newline change nothing but put the source past the cache's size limit. */
const uncached = (source: string): string => `${source}\n${' '.repeat(5000)}`;

const SOURCES = [
  'f() { local x=$1; echo "f:$x:${2:-none}"; }; f a; f b c; f',
  'for i in 1 2 3; do case $i in 1) echo one;; 2|3) echo "n$((i * 2))";; esac; done',
  'x=; echo ${x:=set} $x ${#x} ${x/e/E} ${x%t} ${x#s}',
  'i=0; while [ $i -lt 3 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done',
  'cat <<EOF\nline $((1+2))\n  kept\nEOF\necho after',
  'a=(1 2 3); echo ${a[@]} ${#a[@]}; a+=(4); echo ${a[3]}',
  'echo $(echo inner $(echo deeper)) `echo back`',
  'g() { return 3; }; g; echo $?; false || echo alt; true && echo and',
  'echo a; fi; echo never',
  'echo "unterminated',
  'echo ok; (( 1 / 0 )); echo $?',
  'set -e; echo before; false; echo after',
];

describe('parsed command lines kept by source text', () => {
  test('a cached tree runs as a fresh parse does, again and again (the interpreter never changes it)', () => {
    for (const src of SOURCES) {
      const fresh = run(uncached(src));
      expect(parsedSteps(uncached(src), 1)).toBeUndefined();
      for (let k = 0; k < 3; k++) expect(run(src), `${src} (run ${k})`).toEqual(fresh);
      expect(parsedSteps(`${src}\n`, 1)).toBeDefined();
    }
  });

  test('the steps are the parser’s, one command line each, ended by the end or by a syntax error', () => {
    const steps = parsedSteps('echo a\necho b; echo c\n', 1)!;
    expect(steps.map((s) => s.list?.items.length)).toEqual([1, 2, undefined]);
    const bad = parsedSteps('echo a\nfi\necho b\n', 1)!;
    expect(bad.length).toBe(2);
    expect(bad[1]!.error?.message).toMatch(/fi/);
    expect(parsedSteps('echo a\n', 1)).toBe(parsedSteps('echo a\n', 1));
    expect(parsedSteps('echo a\n', 2)).not.toBe(parsedSteps('echo a\n', 1));
  });
});
