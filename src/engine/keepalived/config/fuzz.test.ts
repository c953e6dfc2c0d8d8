/**
 * 10,000+ mutated keepalived.conf files through the parser of all three processes and the VRRP
 * completion: no exception, and every message is one keepalived 1.3.5 prints. Seeded from
 * FUZZ_SEED, else the commit hash; the seed is printed on failure.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { test } from 'vitest';
import { haKeepalivedConf } from '../../labs/ha';
import { STOCK_KEEPALIVED_CONF } from '../stockConf';
import { completeVrrp } from './complete';
import { parseKeepalivedConf } from './parse';

function fuzzSeed(): number {
  const env = process.env['FUZZ_SEED'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  try {
    return parseInt(execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).slice(0, 8), 16);
  } catch {
    return 20170319;
  }
}

/** The messages keepalived 1.3.5's parser and vrrp_complete_instance print (keepalived.md §1). */
const KNOWN = [
  /^Unknown keyword '.*'$/,
  /^Missing '\{' at beginning of configuration block$/,
  /^Unexpected '\{' - ignoring$/,
  /^\(.*\): unknown state '.*', defaulting to BACKUP$/,
  /^Cant find interface .* for vrrp_instance .* !!!$/,
  /^VRRP Error : VRID not valid - must be between 1 & 255\. reconfigure !$/,
  /^\(.*\): Priority not valid! must be between 1 & 255\. Using default 100$/,
  /^\(.*\): Advert interval \(.*\) not valid! Must be > 0 and <= 255 - ignoring$/,
  /^\(.*\): unknown authentication type '.*'$/,
  /^Truncating auth_pass to 8 characters$/,
  /^VRRP parsed invalid IP .*\. skipping IP\.\.\.$/,
  /^Unknown configuration entry '.*' for ip address - ignoring$/,
  /^\(.*\): Preempt_delay not valid! must be between 0-1000$/,
  /^(vrrp_instance|vrrp_script) must have a name$/,
  /^PARSER : unknown \[.*\] routing method\.$/,
  /^Invalid virtual server IP address .* - skipping$/,
  /^VRRP_Instance\(.*\) Unknown interface !$/,
  /^VRRP_Instance\(.*\) the virtual id must be set!$/,
  /^\(.*\): Cannot start in MASTER state if not address owner$/,
  /^\(.*\): Warning - nopreempt will not work with initial state MASTER$/,
  /^\(.*\): nopreempt is incompatible with priority 255 - resetting nopreempt$/,
  /^\(.*\): preempt_delay is incompatible with strict mode - resetting$/,
  /^\(.*\): Advertisement interval .*s is not an integer for VRRPv2 - rounding to \d+s$/,
  /^\(.*\): track script .* not found, ignoring\.\.\.$/,
];

const BASES = [
  STOCK_KEEPALIVED_CONF,
  haKeepalivedConf('director1', true, ['192.168.99.140', '192.168.99.150']),
  `global_defs {\n  vrrp_strict\n}\nvrrp_script chk {\n  script "killall -0 httpd"\n  weight -20\n}\nvrrp_instance V {\n  interface eth0\n  virtual_router_id 9\n  state MASTER\n  nopreempt\n  preempt_delay 10\n  track_script {\n    chk\n    nochk weight 5\n  }\n  track_interface {\n    eth1 weight -10\n  }\n}\nvirtual_server fwmark 3 {\n  quorum 2\n  sorry_server 1.2.3.4 80\n  real_server 1.1.1.1 80 {\n    MISC_CHECK {\n      misc_path "/bin/true"\n      misc_dynamic\n    }\n  }\n}\n`,
];

const WORDS = [
  '{',
  '}',
  '"',
  '!',
  '#',
  'vrrp_instance',
  'VI_1',
  'virtual_server',
  'real_server',
  'state',
  'MASTER',
  'BACKUP',
  'interface',
  'eth0',
  'eth9',
  'virtual_router_id',
  '0',
  '51',
  '256',
  '-1',
  'priority',
  '255',
  'advert_int',
  '0.5',
  'authentication',
  'auth_type',
  'PASS',
  'AH',
  'XX',
  'auth_pass',
  '123456789',
  'virtual_ipaddress',
  '10.0.0.300',
  '192.168.1.1/24',
  'dev',
  'label',
  'nopreempt',
  'preempt_delay',
  '2000',
  'lb_kind',
  'DRX',
  'lb_algo',
  'HTTP_GET',
  'TCP_CHECK',
  'MISC_CHECK',
  'url',
  'path',
  'status_code',
  'digest',
  'nb_get_retry',
  'retry',
  'delay_loop',
  'global_defs',
  'vrrp_strict',
  'track_script',
  'vrrp_script',
  'script',
  'fwmark',
  'group',
  'garbage',
  '',
];

type Mutation = { at: number; kind: number; word: string; n: number };

function mutate(text: string, ms: Mutation[]): string {
  const lines = text.split('\n');
  for (const m of ms) {
    const i = m.at % Math.max(1, lines.length);
    const words = (lines[i] ?? '').split(/(\s+)/);
    switch (m.kind) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 2:
        lines.splice(i, 0, ' '.repeat(m.n % 9) + m.word);
        break;
      case 3:
        words[(m.n % Math.max(1, words.length)) & ~1] = m.word;
        lines[i] = words.join('');
        break;
      case 4:
        lines[i] = `${lines[i] ?? ''} ${m.word}`;
        break;
      case 5:
        lines[i] = (lines[i] ?? '').slice(0, m.n % 40);
        break;
      default:
        lines[i] = `${m.word}${lines[i] ?? ''}`;
    }
  }
  return lines.join('\n');
}

test('mutated keepalived.conf: no crash, only keepalived’s own messages', () => {
  const seed = fuzzSeed();
  const mutation = fc.record({
    at: fc.nat(400),
    kind: fc.integer({ min: 0, max: 6 }),
    word: fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })),
    n: fc.nat(100),
  });
  try {
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 8 }), (b, ms) => {
        const text = mutate(BASES[b]!, ms);
        const hasIf = (n: string): boolean => n === 'eth0' || n === 'lo';
        for (const proc of ['parent', 'vrrp', 'check'] as const) {
          const r = parseKeepalivedConf(text, proc, hasIf);
          const extra = proc === 'vrrp' ? completeVrrp(r.config, hasIf).messages : [];
          for (const m of [...r.messages, ...extra])
            if (!KNOWN.some((k) => k.test(m))) throw new Error(`unexpected message: ${JSON.stringify(m)}`);
        }
      }),
      { numRuns: 10_000, seed },
    );
  } catch (e) {
    console.error(`keepalived.conf fuzz failed with FUZZ_SEED=${seed}`);
    throw e;
  }
}, 120_000);
