/**
 * Fuzz every tool with 10,000 command lines: 5,000 drawn from its words plus junk, 5,000
 * mutations of lines that work. Whatever the input: no exception escapes, the status is a
 * byte, a non-zero status comes with a message on stderr (or, for the few tools whose non-zero
 * status reports a state, on stdout), and for the atomic tools a failing command leaves the
 * host as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEC } from '../../core/sim';
import type { Host } from '../../stack/host';
import { TestLab } from '../../testing/testLab';
import { JUNK, TOOLS } from './fuzzCases';
import type { FuzzTool } from './fuzzCases';

const RUNS = 5000;
const FRESH_LAB_EVERY = 400;

function snapshot(h: Host): string {
  return JSON.stringify({
    addrs: h.addrs.map((a) => [a.ip, a.prefix, a.dev, a.label, a.scope, a.secondary]),
    routes: h.routes.routes.map((r) => JSON.stringify(r)).sort(),
    devs: [...h.devices.values()].filter((d) => d.name !== 'tunl0').map((d) => [d.name, d.up, d.mtu]),
    neigh: [...h.neigh.entries.values()].map((e) => [e.dev, e.ip, e.mac, e.state]),
  });
}

type Mutation = {
  op: 'drop' | 'dup' | 'swap' | 'replace' | 'insert' | 'chars';
  i: number;
  tok: string;
  text: string;
};

function mutate(line: string, muts: Mutation[]): string[] {
  const argv = line.split(' ');
  for (const m of muts) {
    const n = argv.length;
    const i = n === 0 ? 0 : m.i % n;
    if (m.op === 'drop' && n > 1) argv.splice(Math.max(1, i), 1);
    else if (m.op === 'dup') argv.splice(i, 0, argv[i] ?? m.tok);
    else if (m.op === 'swap' && n > 2) {
      const j = 1 + ((m.i * 7) % (n - 1));
      const a = argv[Math.max(1, i)] ?? '';
      argv[Math.max(1, i)] = argv[j] ?? '';
      argv[j] = a;
    } else if (m.op === 'replace' && n > 1) argv[Math.max(1, i)] = m.tok;
    else if (m.op === 'insert') argv.splice(Math.max(1, i), 0, m.tok);
    else if (m.op === 'chars' && n > 1) {
      const k = Math.max(1, i);
      const w = argv[k] ?? '';
      const at = m.i % (w.length + 1);
      argv[k] = w.slice(0, at) + m.text + w.slice(at + 1);
    }
  }
  return argv;
}

function tokens(t: FuzzTool): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...t.words) },
    { weight: 3, arbitrary: fc.constantFrom(...JUNK) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
}

function mutation(t: FuzzTool): fc.Arbitrary<Mutation> {
  return fc.record({
    op: fc.constantFrom<Mutation['op']>('drop', 'dup', 'swap', 'replace', 'insert', 'chars'),
    i: fc.nat(40),
    tok: tokens(t),
    text: fc.string({ maxLength: 3 }),
  });
}

class Runner {
  private lab: TestLab;
  private runs = 0;

  constructor(private readonly t: FuzzTool) {
    this.lab = new TestLab(t.lab);
  }

  check(argv: string[]): void {
    if (++this.runs % FRESH_LAB_EVERY === 0) this.lab = new TestLab(this.t.lab);
    const host = this.lab.host(this.t.host);
    const before = this.t.atomic ? snapshot(host) : '';
    const r = this.lab.sh(this.t.host, [this.t.name, ...argv], {
      maxUs: 1.5 * SEC,
      stdin: '',
    });
    expect(Number.isInteger(r.status) && r.status >= 0 && r.status <= 255).toBe(true);
    if (r.status !== 0 && r.status !== 130) {
      const viaStdout = (this.t.stdoutStatus ?? []).includes(r.status) && r.out !== '';
      if (r.err === '' && !viaStdout && !(this.t.silent?.(argv) ?? false))
        throw new Error(`${this.t.name} ${argv.join(' ')}: exit ${r.status} without a message`);
      if (this.t.atomic && snapshot(host) !== before)
        throw new Error(`${this.t.name} ${argv.join(' ')}: failed (exit ${r.status}) but changed the host`);
    }
  }
}

describe('fuzz: every tool survives 10,000 random and mutated command lines', () => {
  for (const t of TOOLS) {
    it(t.name, { timeout: 120_000 }, () => {
      const runner = new Runner(t);
      fc.assert(
        fc.property(fc.array(tokens(t), { maxLength: 8 }), (argv) => runner.check(argv)),
        { numRuns: RUNS, seed: 4242 },
      );
      fc.assert(
        fc.property(
          fc.constantFrom(...t.seeds),
          fc.array(mutation(t), { minLength: 1, maxLength: 4 }),
          (seed, muts) => runner.check(mutate(seed, muts).slice(1)),
        ),
        { numRuns: RUNS, seed: 4343 },
      );
    });
  }
});
