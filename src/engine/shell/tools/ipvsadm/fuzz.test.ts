/**
 * Fuzzing ipvsadm with random and mutated command lines: it never throws, every failure says
 * something on stderr with a non-zero status, success is silent on stderr, and a command that
 * fails (its own checks, popt, the kernel) leaves the table, timeouts and daemons as they were.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Director } from '../../../testing/director';

const OPTIONS = [
  '-A',
  '-E',
  '-D',
  '-C',
  '-R',
  '-S',
  '-a',
  '-e',
  '-d',
  '-L',
  '-l',
  '-Z',
  '-h',
  '-v',
  '--set',
  '--add-service',
  '--edit-server',
  '--list',
  '--clear',
  '--zero',
  '--start-daemon',
  '--stop-daemon',
  '-t',
  '-u',
  '-f',
  '--sctp-service',
  '--tcp-service',
  '-s',
  '-p',
  '-M',
  '-r',
  '-g',
  '-i',
  '-m',
  '-w',
  '-x',
  '-y',
  '-c',
  '-n',
  '-6',
  '-o',
  '-b',
  '-X',
  '--pe',
  '--timeout',
  '--daemon',
  '--stats',
  '--rate',
  '--thresholds',
  '--persistent-conn',
  '--nosort',
  '--sort',
  '--exact',
  '--tun-info',
  '--tun-type',
  '--tun-port',
  '--tun-nocsum',
  '--tun-csum',
  '--tun-remcsum',
  '--syncid',
  '--mcast-interface',
  '--mcast-group',
  '--mcast-port',
  '--mcast-ttl',
  '--sync-maxlen',
  '-Ln',
  '-lnc',
  '-Sn',
  '-Lnc',
  '--persistent=600',
  '--scheduler=rr',
  '-p=60',
  '-ntL',
  '-at',
  '--weight=2',
];
const VALUES = [
  '10.0.0.1:80',
  '10.0.0.2:8080',
  '192.168.0.100:80',
  '192.168.0.100:http',
  '192.168.0.100',
  '10.0.0.1',
  '10.0.0.2',
  '200.0.0.1:80',
  '0.0.0.0:0',
  '[2001:db8::1]:80',
  '::1',
  '[10.0.0.1]:80',
  '10.0.0.1:',
  ':80',
  '1.2.3.4.5',
  '0x7f.1:22',
  '255.255.255.0',
  '255.255.255.255',
  '224.0.0.1',
  '239.1.1.1',
  'rr',
  'wrr',
  'wlc',
  'sh',
  'mh',
  'lc',
  'nosuch',
  'sip',
  'sh-port',
  'flag-1,flag-2',
  'mh-fallback',
  ',',
  'gue',
  'gre',
  'ipip',
  'master',
  'backup',
  'eth0',
  'eth9',
  '0',
  '1',
  '2',
  '3',
  '60',
  '360',
  '65535',
  '65536',
  '2147483648',
  '-1',
  '4294967295',
  '4294967296',
  '900',
  '2678401',
  'foo',
  '',
  '-',
  '--',
  '=',
  '#',
  'ipvsadm',
  'x y',
  '-q',
  '--bogus',
  '-Lq',
];
const VALID = [
  '-A -t 10.0.0.1:80 -s rr',
  '-A -u 10.0.0.1:53 -p 600 -M 255.255.255.0',
  '-A -f 7 -s sh -b sh-port',
  '-E -t 192.168.0.100:80 -s wrr -p',
  '-D -t 192.168.0.100:80',
  '-a -t 192.168.0.100:80 -r 10.0.0.9 -m -w 3',
  '-a -t 192.168.0.100:80 -r 10.0.0.9 -i --tun-type gue --tun-port 6080 --tun-csum',
  '-e -t 192.168.0.100:80 -r 10.0.0.11:80 -m -x 5 -y 2',
  '-d -t 192.168.0.100:80 -r 10.0.0.11:80',
  '-Z -t 192.168.0.100:80',
  '-L -n --stats --exact',
  '-Lnc',
  '-S -n',
  '--set 60 30 20',
  '--start-daemon backup --syncid 4 --mcast-interface eth0',
  '--stop-daemon master',
  '-C',
  '-L -t 192.168.0.100:80',
  '-A -u 10.0.0.1:5060 -o --pe sip',
  '-L --daemon',
  '-L --timeout',
].map((l) => l.split(' '));

const token = fc.constantFrom(...OPTIONS, ...VALUES);
const randomLine = fc.array(token, { minLength: 0, maxLength: 9 });

type Mutation = { kind: 'del' | 'ins' | 'rep' | 'dup' | 'swap' | 'glue'; at: number; tok: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('del', 'ins', 'rep', 'dup', 'swap', 'glue'),
  at: fc.nat(20),
  tok: token,
});

function mutate(line: readonly string[], ms: readonly Mutation[]): string[] {
  const w = [...line];
  for (const m of ms) {
    const i = w.length === 0 ? 0 : m.at % w.length;
    if (m.kind === 'del') w.splice(i, 1);
    else if (m.kind === 'ins') w.splice(i, 0, m.tok);
    else if (m.kind === 'rep') w[i] = m.tok;
    else if (m.kind === 'dup' && w[i] !== undefined) w.splice(i, 0, w[i]!);
    else if (m.kind === 'swap' && i + 1 < w.length) [w[i], w[i + 1]] = [w[i + 1]!, w[i]!];
    else if (m.kind === 'glue' && i + 1 < w.length) w.splice(i, 2, w[i]! + w[i + 1]!.replace(/^-/, ''));
  }
  return w;
}
const mutatedLine = fc
  .tuple(fc.constantFrom(...VALID), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([l, ms]) => mutate(l, ms));

function director(): Director {
  return new Director().setup(
    '-A -t 192.168.0.100:80 -s rr',
    '-a -t 192.168.0.100:80 -r 10.0.0.11:80 -m',
    '-a -t 192.168.0.100:80 -r 10.0.0.12 -g -w 2',
    '-A -f 1 -s sh -p',
    '--start-daemon master',
  );
}

/**
 * Everything a failed command must not have touched: the three listings typed as one line (the
 * same text as typing them one by one, for a third of the shell's start-up per snapshot).
 */
const snapshot = (d: Director): string =>
  d.lab.sh('director', 'ipvsadm -Sn; ipvsadm -L --timeout; ipvsadm -L --daemon').out;

let lines = 0;

/**
 * One line, checked. `before` is the director's snapshot as it stands when a failed line's check
 * just took it (a failure leaves nothing changed: the same text the next line's own snapshot
 * would read), else undefined; returns the same for the next line.
 */
function check(d: Director, words: string[], known: string | undefined): string | undefined {
  lines++;
  const before = known ?? snapshot(d);
  const r = d.ipvsadm(['ipvsadm', ...words]);
  expect([0, 1, 2, 139, 255]).toContain(r.code);
  if (r.code === 0) {
    expect(r.err).toBe('');
    return undefined;
  }
  expect(r.err).not.toBe('');
  const after = snapshot(d);
  expect(after).toBe(before);
  return after;
}

const session = (line: fc.Arbitrary<string[]>): fc.IPropertyWithHooks<[string[][]]> =>
  fc.property(fc.array(line, { minLength: 2, maxLength: 5 }), (ls) => {
    const d = director();
    let known: string | undefined;
    for (const words of ls) known = check(d, words, known);
  });

test('fuzz: at least 10,000 random and mutated command lines', () => {
  fc.assert(session(randomLine), { numRuns: 2000, seed: 0x1b5 });
  fc.assert(session(mutatedLine), { numRuns: 2000, seed: 0x1b6 });
  expect(lines).toBeGreaterThanOrEqual(10000);
}, 120_000);
