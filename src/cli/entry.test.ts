/**
 * lvs-lab.ts as Node's script: run by its own path (`npm run lab`, `node dist/cli/lvs-lab.js`)
 * and through a link named `lvs-lab`, as npm installs the bin (process.argv[1] is then the
 * link's path, which a test of the name's ending missed: the runner printed nothing).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'lvs-lab-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const root = join(__dirname, '../..');
const entry = join(__dirname, 'lvs-lab.ts');
const transcript = join(dir, 't.txt');
writeFileSync(transcript, 'client# curl -s 172.16.132.18\n');
const link = join(dir, 'lvs-lab');
symlinkSync(entry, link);

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8' });

describe('the lvs-lab entry runs when Node runs it', () => {
  test.each([
    ['by its path', entry],
    ['through a link named lvs-lab (the bin)', link],
  ])(
    '%s: prints the transcript, and a usage error exits 2',
    (_how, script) => {
      const ok = run(script, ['--lab', 'nat', transcript]);
      expect({ out: ok.stdout, err: ok.stderr, status: ok.status }).toEqual({
        out: '[root@client ~]# curl -s 172.16.132.18\nrs2\n',
        err: '',
        status: 0,
      });
      const bad = run(script, ['--bogus']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/^lvs-lab: /);
    },
    120_000,
  );
});
