import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from './lvs-lab';

const fixture = (name: string): string => join(__dirname, 'fixtures', name);

function run(args: string[]): string {
  let out = '';
  main(args, (s) => (out += s));
  return out;
}

describe('iptables 1.4.21 output (goldens captured from iptables-legacy, see fixtures/README-iptables.md)', () => {
  test('-L in every format, -S and iptables-save', () => {
    const out = run(['--lab', 'nat', fixture('iptables-list.txt')]);
    // The transcript's first 11 lines add the rules; the listings follow.
    const listings = out.slice(out.indexOf('[root@director ~]# iptables -L -n -v\n'));
    expect(listings).toBe(readFileSync(fixture('iptables-list.golden'), 'utf8'));
  });

  test('error messages and exit codes', () => {
    const rows = run(['--lab', 'nat', '--json', fixture('iptables-errors.txt')])
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; command: string; stderr: string; exit: number })
      .filter((r) => r.line > 2);
    const text = rows.map((r) => `## ${r.command}\n${r.stderr}rc=${r.exit}\n`).join('');
    expect(text).toBe(readFileSync(fixture('iptables-errors.golden'), 'utf8'));
  });
});
