import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { heapChosen, relaunchWithRunnerHeap, RUNNER_NODE_FLAGS } from './runnerHeap';

const dir = mkdtempSync(join(tmpdir(), 'lvs-lab-heap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('heapChosen: a semi-space size already chosen is kept', () => {
  test('from the command line, in either spelling, or NODE_OPTIONS, or the relaunch mark', () => {
    expect(heapChosen([], {})).toBe(false);
    expect(heapChosen(['--import', 'tsx'], { NODE_OPTIONS: '--max-old-space-size=4096' })).toBe(false);
    expect(heapChosen(['--max-semi-space-size=8'], {})).toBe(true);
    expect(heapChosen(['--max_semi_space_size', '8'], {})).toBe(true);
    expect(heapChosen([], { NODE_OPTIONS: '--inspect --max-semi-space-size=64' })).toBe(true);
    expect(heapChosen([], { LVS_LAB_HEAP_RELAUNCHED: '1' })).toBe(true);
  });
});

describe('relaunchWithRunnerHeap', () => {
  const fake = (result: object) => {
    const calls: { cmd: string; args: readonly string[] }[] = [];
    const spawn = (cmd: string, args: readonly string[]) => {
      calls.push({ cmd, args });
      return {
        pid: 1,
        output: [],
        stdout: Buffer.from(''),
        stderr: Buffer.from(''),
        status: 0,
        signal: null,
        ...result,
      };
    };
    return { calls, spawn };
  };

  test('runs the same script and arguments in a child with the flags, and returns its status', () => {
    if (heapChosen()) return; // this test runner's own Node already has one
    const { calls, spawn } = fake({ status: 3 });
    expect(relaunchWithRunnerHeap(['node', '/x/lvs-lab.js', '--lab', 'nat'], spawn)).toBe(3);
    expect(calls).toHaveLength(1);
    const args = calls[0]!.args;
    expect(calls[0]!.cmd).toBe(process.execPath);
    expect(args.slice(-3)).toEqual(['/x/lvs-lab.js', '--lab', 'nat']);
    expect(args.slice(0, -3)).toEqual([...process.execArgv, ...RUNNER_NODE_FLAGS]);
  });

  test('a child that cannot start leaves the work to this process', () => {
    if (heapChosen()) return;
    const { spawn } = fake({ status: null, error: new Error('ENOENT') });
    expect(relaunchWithRunnerHeap(['node', '/x/lvs-lab.js'], spawn)).toBeUndefined();
  });
});

describe('the lvs-lab entry runs the lab with the runner heap', () => {
  // Every Node process the command starts records its flags (a preload inherited through
  // NODE_OPTIONS; tsx's loader thread runs it too, so one process is one pid).
  const log = join(dir, 'procs.log');
  const probe = join(dir, 'probe.cjs');
  writeFileSync(
    probe,
    `require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ pid: process.pid, execArgv: process.execArgv, argv: process.argv.slice(1) }) + '\\n');\n`,
  );
  const transcript = join(dir, 't.txt');
  writeFileSync(transcript, 'client# curl -s 172.16.132.18\nclient# curl -s 172.16.132.18\n');
  const runEntry = (args: string[], input?: string) => {
    rmSync(log, { force: true });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lvs-lab.ts', ...args], {
      cwd: join(__dirname, '../..'),
      encoding: 'utf8',
      input,
      env: { ...process.env, NODE_OPTIONS: `--require=${probe}`, LVS_LAB_HEAP_RELAUNCHED: '' },
    });
    const procs = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { pid: number; execArgv: string[]; argv: string[] })
      .filter((p) => p.argv.length > 0);
    return { ...r, procs: [...new Map(procs.map((p) => [p.pid, p])).values()] };
  };

  test('from a file and from standard input: one child Node with the flags runs it, same output and status', () => {
    for (const [args, input] of [[[transcript]], [['-'], readFileSync(transcript, 'utf8')]] as const) {
      const r = runEntry(['--lab', 'nat', ...args], input);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(
        '[root@client ~]# curl -s 172.16.132.18\nrs2\n[root@client ~]# curl -s 172.16.132.18\nrs1\n',
      );
      const tuned = r.procs.filter((p) => RUNNER_NODE_FLAGS.every((f) => p.execArgv.includes(f)));
      expect(r.procs).toHaveLength(2);
      expect(tuned).toHaveLength(1);
      expect(tuned[0]!.argv).toEqual([
        expect.stringMatching(/src\/cli\/lvs-lab\.ts$/),
        '--lab',
        'nat',
        ...args,
      ]);
    }
  }, 120_000);

  test('a usage error keeps its status (2) and message through the child', () => {
    const r = runEntry(['--lab', 'nope', transcript]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^lvs-lab: /);
  }, 120_000);
});
