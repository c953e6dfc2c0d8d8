/**
 * Fuzz iptables, iptables-restore and nc with 10,000+ lines each: random lines from their own
 * words plus junk, and mutations of lines that work. Whatever the input: no exception escapes,
 * the status is a byte, a failure prints a message, no JavaScript text leaks into the output,
 * and a failing iptables command leaves the tables as they were.
 */
import { execSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEC } from '../../../core/sim';
import { TestLab } from '../../../testing/testLab';

/** FUZZ_SEED from the environment, else the first 8 hex digits of the commit hash. */
function fuzzSeed(): number {
  const env = process.env['FUZZ_SEED'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  try {
    return parseInt(execSync('git rev-parse HEAD', { encoding: 'utf8' }).slice(0, 8), 16) | 0;
  } catch {
    return 20190805;
  }
}

const SEED = fuzzSeed();
const JS_TEXT = /TypeError|ReferenceError|RangeError|undefined|NaN|\[object |at Object\./;

const IPT_WORDS = (
  '-A -I -D -R -F -Z -P -N -X -E -L -S -t filter mangle nat -s -d -p -i -o -j -g -m -n -v -x ' +
  '--line-numbers ! tcp udp icmp all 6 --dport --sport 80 53 1:1024 http INPUT OUTPUT FORWARD ' +
  'PREROUTING POSTROUTING MYCHAIN ACCEPT DROP REJECT RETURN MARK --set-mark --set-xmark 0x1 ' +
  '0x1/0xff --reject-with tcp-reset icmp-host-prohibited state conntrack --state --ctstate NEW ' +
  'ESTABLISHED,RELATED eth0 eth+ lo 10.0.0.0/8 192.168.99.188 0/0 1 2'
).split(' ');

const IPT_SEEDS = [
  '-A INPUT -p tcp -d 192.168.99.188 --dport 80 -j DROP',
  '-t mangle -A PREROUTING -d 172.16.132.32/29 -j MARK --set-mark 1',
  '-I INPUT 1 -s 10.0.0.0/8 -i eth0 -p udp --sport 53 -j REJECT --reject-with icmp-port-unreachable',
  '-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT',
  '-N MYCHAIN',
  '-L -n -v --line-numbers',
  '-S INPUT',
  '-P FORWARD DROP',
  '-D INPUT 1',
  '-t mangle -L PREROUTING -n -v -x',
];

const NC_WORDS = (
  '-u -l -k -v -vv -w -i -s -p -e -c -n -4 --udp --listen --keep-open --exec /bin/cat cat ' +
  '/bin/sh 1 0.5 500ms 2s 53 80 81 99999 192.168.99.188 172.16.132.78 localhost nosuch'
).split(' ');
const NC_SEEDS = [
  '-u -i 1 192.168.99.188 53',
  '-v -w 1 192.168.99.188 80',
  '-u -l -k 53 -e /bin/cat',
  '-l 8080',
];
const JUNK = [
  '',
  '-',
  '--',
  '-x',
  '--x',
  'abc',
  '0',
  '-1',
  '65536',
  '1.2.3.4/33',
  '300.1.1.1',
  '!',
  ' ',
  '\t',
];

function tokens(words: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...words) },
    { weight: 3, arbitrary: fc.constantFrom(...JUNK) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
}

function mutated(words: string[], seeds: string[]): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.nat(20), tokens(words), fc.boolean()), { maxLength: 4 }),
    )
    .map(([seed, muts]) => {
      const argv = seed.split(' ');
      for (const [i, tok, insert] of muts) {
        const k = i % (argv.length + 1);
        if (insert) argv.splice(k, 0, tok);
        else argv[k] = tok;
      }
      return argv;
    });
}

class Runner {
  private lab = new TestLab('dr');
  private n = 0;
  constructor(
    private readonly atomic: boolean,
    private readonly host = 'director',
  ) {}

  check(name: string, argv: string[], stdin = ''): void {
    if (++this.n % 500 === 0) this.lab = new TestLab('dr');
    const snap = (): string =>
      this.lab.sh('director', 'iptables-save -t filter').out.replace(/^#.*\n/gm, '') +
      this.lab.sh('director', 'iptables-save -t mangle').out.replace(/^#.*\n/gm, '');
    const before = this.atomic ? snap() : '';
    const r = this.lab.sh(this.host, [name, ...argv], {
      maxUs: 2 * SEC,
      stdin,
    });
    const ctx = `${name} ${JSON.stringify(argv)} (FUZZ_SEED=${SEED})`;
    expect(Number.isInteger(r.status) && r.status >= 0 && r.status <= 255, ctx).toBe(true);
    expect(JS_TEXT.test(r.out + r.err), `${ctx}: ${r.out}${r.err}`).toBe(false);
    if (r.status !== 0 && r.status !== 130) {
      expect(r.err, `${ctx}: exit ${r.status} without a message`).not.toBe('');
      if (this.atomic) expect(snap(), `${ctx}: failed but changed the tables`).toBe(before);
    }
  }
}

describe(`fuzz iptables and nc (FUZZ_SEED=${SEED})`, () => {
  it('iptables: 10,000 random and mutated lines', { timeout: 180_000 }, () => {
    const run = new Runner(true);
    fc.assert(
      fc.property(fc.array(tokens(IPT_WORDS), { maxLength: 9 }), (a) => run.check('iptables', a)),
      {
        numRuns: 5000,
        seed: SEED,
      },
    );
    fc.assert(
      fc.property(mutated(IPT_WORDS, IPT_SEEDS), (a) => run.check('iptables', a)),
      {
        numRuns: 5000,
        seed: SEED + 1,
      },
    );
  });

  it('iptables-restore: 2,000 mutated files', { timeout: 60_000 }, () => {
    const run = new Runner(false);
    const lines = fc.array(
      fc.oneof(
        fc.constantFrom('*filter', '*mangle', '*nat', 'COMMIT', ':INPUT DROP [0:0]', ':MY - [0:0]', '# c'),
        mutated(
          IPT_WORDS,
          IPT_SEEDS.filter((s) => s.startsWith('-A')),
        ).map((a) => a.join(' ')),
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(lines, (ls) => run.check('iptables-restore', [], ls.join('\n'))),
      {
        numRuns: 2000,
        seed: SEED + 2,
      },
    );
  });

  it('nc: 10,000 random and mutated lines', { timeout: 180_000 }, () => {
    const run = new Runner(false, 'client');
    fc.assert(
      fc.property(fc.array(tokens(NC_WORDS), { maxLength: 7 }), (a) => run.check('nc', a, 'hi\n')),
      {
        numRuns: 5000,
        seed: SEED + 3,
      },
    );
    fc.assert(
      fc.property(mutated(NC_WORDS, NC_SEEDS), (a) => run.check('nc', a, 'hi\n')),
      {
        numRuns: 5000,
        seed: SEED + 4,
      },
    );
  });
});
