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

  test('the last lookup is answered again only for the same text and first line', () => {
    const a = parsedSteps('echo last\n', 1)!;
    // Equal text built anew, and the same text again: the same steps.
    expect(parsedSteps(['echo', 'last\n'].join(' '), 1)).toBe(a);
    expect(parsedSteps('echo last\n', 1)).toBe(a);
    // Another first line or another text right after it: not the last one's steps.
    const b = parsedSteps('echo last\n', 3)!;
    expect(b).not.toBe(a);
    expect(b[0]!.line).not.toBe(a[0]!.line);
    const c = parsedSteps('echo other\n', 1)!;
    expect(c).not.toBe(a);
    expect(c[0]!.list?.items[0]?.andor.first.commands[0]).toMatchObject({ type: 'simple' });
    // Back to the first: the cache's steps again.
    expect(parsedSteps('echo last\n', 1)).toBe(a);
    // Too long for the cache: never answered from the last lookup either.
    const long = uncached('echo long');
    expect(parsedSteps(long, 1)).toBeUndefined();
    expect(parsedSteps(long, 1)).toBeUndefined();
  });

  test('one simple command, the same line typed again: $?, set -e and expansion errors as before', () => {
    expect(run('false\n')).toEqual({ out: '', err: '', status: 1 });
    // An interactive shell under set -e exits at the failing command, as bash does.
    expect(run('set -e; false; echo never')).toEqual({ out: '', err: 'exit\n', status: 1 });
    expect(run('set -e; false || true; echo on')).toEqual({ out: 'on\n', err: '', status: 0 });
    expect(run('set -e; ! true; echo on')).toEqual({ out: 'on\n', err: '', status: 0 });
    expect(run('echo ${x:?unset}; echo next')).toEqual(run(uncached('echo ${x:?unset}; echo next')));
    expect(run('echo ${x:?unset}').err).toMatch(/x: unset/);
    expect(run('x=1 y=2; echo $x$y "a b" c{1,2}')).toEqual({ out: '12 a b c1 c2\n', err: '', status: 0 });
    expect(run('nosuch arg').status).toBe(127);
  });

  test('one shell typing lines in turn runs each as typed (the last typed line is kept, not stuck)', () => {
    const shell = createShell({ hostname: 'h', now: () => 0, commands: new Map() }, createMemoryFs());
    let out = '';
    const type = (line: string): void => {
      const g = shell.run(line, { out: (s) => (out += s) });
      for (let r = g.next(); !r.done; r = g.next());
    };
    for (const line of ['echo a', 'echo b', 'echo b', 'echo a\n', 'echo a', 'x=1', 'echo $x']) type(line);
    expect(out).toBe('a\nb\nb\na\na\n1\n');
  });
});
