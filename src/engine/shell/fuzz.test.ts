import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineHost } from '../testing/lineHost';

/** Pieces a student (or a cat on the keyboard) might type. */
const TOKENS = [
  'echo',
  'cat',
  'true',
  'false',
  'ifconfig',
  'curl',
  'sleep',
  'jobs',
  'wait',
  'kill',
  'fg',
  '%1',
  '%+',
  '$!',
  'seq',
  'read',
  'x',
  'y',
  '$x',
  '"$x"',
  "'$x'",
  'a b',
  ' ',
  ' ',
  ' ',
  '  ',
  ';',
  ';',
  ';;',
  '|',
  '||',
  '&&',
  '&',
  '!',
  '(',
  ')',
  '{',
  '}',
  '$(',
  '`',
  '"',
  "'",
  '\\',
  '\n',
  '<<',
  '<<-',
  "<<'EOF'",
  'EOF',
  '>',
  '>>',
  '<',
  '2>',
  '2>&1',
  '&>',
  '>/dev/null',
  '/tmp/f',
  'f',
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'for',
  'in',
  'do',
  'done',
  'while',
  'until',
  'case',
  'esac',
  'start)',
  '*)',
  'function',
  'f()',
  'return',
  'break',
  'continue',
  'exit',
  'shift',
  'local',
  'export',
  'unset',
  'set -e',
  'x=1',
  'y=$x',
  '$1',
  '$#',
  '$@',
  '$?',
  '$$',
  '${x}',
  '${x:-d}',
  '${#x}',
  '${x#a}',
  '${',
  '}',
  '$((',
  '))',
  '1+2',
  '[',
  ']',
  '[[',
  ']]',
  '-f',
  '-eq',
  '=',
  '!=',
  '0.5',
  '1',
  '2',
  '#',
  '~',
  '*',
  '?',
  '{a,b}',
  '{1..3}',
  'bash',
  'sh',
  './f',
  'source',
  '.',
  'eval',
  'test',
  'printf',
  '%s',
  '-n',
  '-e',
  'basename',
  '$0',
  'cd',
  'pwd',
];

/** Commands that may fail without printing anything (their status is their answer). */
const SILENT_FAILURES =
  /false|test|\[|!|exit|return|read|grep|shift|\(\(|let|curl|\$\?|ifconfig|break|continue|cat|set -e|\$\(|`|\|\||&&|bash|sh|source|\.|eval|seq|\$\(\(/;

const token = fc.constantFrom(...TOKENS);
const line = fc.array(token, { minLength: 1, maxLength: 14 }).map((ts) => ts.join(' '));
/** Also glue tokens without spaces, and mutate real command lines character by character. */
const glued = fc.array(token, { minLength: 1, maxLength: 10 }).map((ts) => ts.join(''));
const SEEDS = [
  'while true;do curl 192.168.99.188 ; sleep 0.5 ; done',
  'case $1 in start) echo a;; stop) echo b;; *) echo "Usage: $(basename $0) start|stop"; exit 1;; esac',
  "cat > f <<'EOF'\necho hi $1\nEOF\nbash f x",
  'for i in 1 2 3; do if [ $i -eq 2 ]; then continue; fi; echo ${i:-z}; done',
  'f() { local x=$1; return $((x+1)); }; f 3; echo $?',
  'echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore && ifconfig lo:1 192.168.99.188 netmask 255.255.255.255',
];
const mutated = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TOKENS, '', '', '')), { maxLength: 4 }),
  )
  .map(([seed, edits]) =>
    edits.reduce((s, [at, tok]) => {
      const i = at % (s.length + 1);
      const cut = at % 3;
      return s.slice(0, i) + tok + s.slice(i + cut);
    }, seed),
  );
const source = fc.oneof(line, glued, mutated);

/**
 * The host every line runs on, as prepared here: a script file to run, and stub programs where
 * the fact under test is what the shell hands them (ifconfig, curl answering `rs1`).
 */
const host = new LineHost((lab, h) => {
  lab.writeFile(h, '/root/f', 'echo in-f $1\n');
  lab.recordProgram(h, 'ifconfig');
  lab.recordProgram(h, 'curl', 'rs1\n');
});

function check(src: string): void {
  let complete = true;
  expect(() => (complete = host.isComplete(src))).not.toThrow();
  const r = host.run(src, { maxUs: 3_000_000, maxSteps: 40 });
  expect(Number.isInteger(r.status)).toBe(true);
  expect(r.status).toBeGreaterThanOrEqual(0);
  expect(r.status).toBeLessThanOrEqual(255);
  expect(r.err).not.toMatch(/internal error|undefined|NaN|\[object/);
  expect(r.out).not.toMatch(/\[object|NaN/);
  const nested = /\n|eval|bash|sh|source|\./.test(src) || r.err.includes('command substitution');
  if (/syntax error near|syntax error: unexpected end|unexpected EOF/.test(r.err) && !nested) {
    expect(r.status).toBe(2);
  }
  const stderrRedirected = /2>|&>|>&/.test(src);
  if (r.status !== 0 && !r.interrupted && !SILENT_FAILURES.test(src) && !stderrRedirected)
    expect(r.err).not.toBe('');
  if (!complete) {
    const explained =
      /unexpected|here-document|syntax error/.test(r.err) || /\\\s*$/.test(src) || r.interrupted || r.exited;
    expect(explained).toBe(true);
  }
}

describe('fuzz: the shell never throws, never hangs, and explains its failures', () => {
  it('survives 12,000 random and mutated command lines', () => {
    fc.assert(
      fc.property(source, (src) => {
        check(src);
      }),
      { numRuns: 12_000, seed: Number(process.env['SHELL_FUZZ_SEED'] ?? 20190805) },
    );
  }, 120_000);

  it('survives every seed line cut at every position', () => {
    let n = 0;
    for (const s of SEEDS) {
      for (let i = 0; i <= s.length; i++) {
        check(s.slice(0, i));
        n++;
      }
    }
    expect(n).toBeGreaterThan(300);
  });
});
