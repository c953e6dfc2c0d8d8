import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { main } from './lvs-lab';

const dir = mkdtempSync(join(tmpdir(), 'lvs-lab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string): string => join(__dirname, 'fixtures', name);

function run(args: string[]): { code: number; out: string } {
  let out = '';
  const code = main(args, (s) => (out += s));
  return { code, out };
}

function jsonLines(out: string): {
  line: number;
  host: string;
  command: string;
  stdout: string;
  stderr: string;
  exit: number;
  time: number;
}[] {
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as never);
}

describe('lvs-lab replays the seed article’s labs from the bare state', () => {
  test('NAT: sysctl -p, ipvsadm, then the curl loop alternates rs2/rs1 until --max-time', () => {
    const { code, out } = run([
      '--lab',
      'nat',
      '--bare',
      '--max-time',
      '3',
      '--json',
      fixture('seed-nat.txt'),
    ]);
    expect(code).toBe(0);
    const rows = jsonLines(out);
    const sysctl = rows.find((r) => r.command === 'sysctl -p')!;
    expect(sysctl.stdout).toBe('net.ipv4.ip_forward = 1\n');
    const list = rows.find((r) => r.command === 'ipvsadm -Ln')!;
    expect(list.stdout).toBe(
      [
        'IP Virtual Server version 1.2.1 (size=4096)',
        'Prot LocalAddress:Port Scheduler Flags',
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
        'TCP  172.16.132.18:80 rr',
        '  -> 192.168.99.130:888           Masq    1      0          0         ',
        '  -> 192.168.99.140:888           Masq    1      0          0         ',
        '',
      ].join('\n'),
    );
    const loop = rows.find((r) => r.command.includes('while true'))!;
    const pages = loop.stdout.trim().split('\n');
    expect(pages.length).toBeGreaterThanOrEqual(5);
    pages.forEach((p, i) => expect(p).toBe(i % 2 === 0 ? 'rs2' : 'rs1'));
    expect(loop.exit).toBe(130);
    expect(loop.time).toBeCloseTo(rows[rows.indexOf(loop) - 1]!.time + 3, 0);
  });

  test('DR: ip a a, ipvsadm, lvs_dr_rs.sh start and stop, then requests reach both real servers', () => {
    const { code, out } = run(['--lab', 'dr', '--bare', '--max-time', '3', '--json', fixture('seed-dr.txt')]);
    expect(code).toBe(0);
    const rows = jsonLines(out);
    const starts = rows.filter((r) => r.command === 'bash lvs_dr_rs.sh start');
    expect(starts.map((r) => r.stdout)).toEqual(['The RS Server is Ready!\n', 'The RS Server is Ready!\n']);
    expect(rows.find((r) => r.command === 'bash lvs_dr_rs.sh')!.stdout).toBe(
      'Usage: lvs_dr_rs.sh start|stop\n',
    );
    expect(rows.find((r) => r.command === 'bash lvs_dr_rs.sh')!.exit).toBe(1);
    const loop = rows.find((r) => r.command.includes('while true'))!;
    const pages = loop.stdout.trim().split('\n');
    expect(new Set(pages)).toEqual(new Set(['rs1', 'rs2']));
    const last = rows[rows.length - 1]!;
    expect(last.stdout).toMatch(/-> 192\.168\.99\.140:80 {12}Route {3}1 {6}0 {10}\d/);
  });
});

describe('lvs-lab is deterministic', () => {
  test('the same transcript and seed twice: identical --json output and identical pcapng bytes', () => {
    const a = join(dir, 'a.pcapng');
    const b = join(dir, 'b.pcapng');
    const r1 = run([
      '--lab',
      'dr',
      '--seed',
      '7',
      '--json',
      '--max-time',
      '2',
      '--pcap',
      a,
      fixture('seed-dr.txt'),
    ]);
    const r2 = run([
      '--lab',
      'dr',
      '--seed',
      '7',
      '--json',
      '--max-time',
      '2',
      '--pcap',
      b,
      fixture('seed-dr.txt'),
    ]);
    expect(r1.out).toBe(r2.out);
    expect(Buffer.compare(readFileSync(a), readFileSync(b))).toBe(0);
    expect(readFileSync(a).length).toBeGreaterThan(1000);
    // Another seed draws other ports and sequence numbers: the frames differ.
    const c = join(dir, 'c.pcapng');
    run(['--lab', 'dr', '--seed', '8', '--json', '--max-time', '2', '--pcap', c, fixture('seed-dr.txt')]);
    expect(Buffer.compare(readFileSync(a), readFileSync(c))).not.toBe(0);
  });

  test('--trace writes the event trace as JSON', () => {
    const t = join(dir, 'trace.json');
    writeFileSync(join(dir, 'one.txt'), 'client# curl -s 172.16.132.18\n');
    expect(run(['--trace', t, join(dir, 'one.txt')]).code).toBe(0);
    const events = JSON.parse(readFileSync(t, 'utf8')) as { kind: string }[];
    expect(events.some((e) => e.kind === 'ipvs.schedule')).toBe(true);
  });
});

describe('lvs-lab --servers N --clients M (labs.md "Lab size")', () => {
  test('the new hosts run commands, answer by name in --json and send frames with their MACs', () => {
    const t = join(dir, 'sized.txt');
    const pcap = join(dir, 'sized.pcapng');
    writeFileSync(t, 'client3# curl -s 192.168.99.188\nrs4# hostname\n');
    const { code, out } = run(['--lab', 'tun', '--servers', '4', '--clients=3', '--json', '--pcap', pcap, t]);
    expect(code).toBe(0);
    const rows = jsonLines(out);
    expect(rows.map((r) => [r.host, r.stdout])).toEqual([
      ['client3', 'rs4\n'],
      ['rs4', 'rs4\n'],
    ]);
    // client3 is host 9 of 9 (client, router, director, rs1…rs4, client2, client3): MAC …:09:00.
    expect(readFileSync(pcap).includes(Buffer.from([0x52, 0x54, 0, 0, 0x09, 0]))).toBe(true);
  });
});

describe('lvs-lab refuses bad input with exit 2 and a message naming the problem', () => {
  const stderr = (): { text: () => string; restore: () => void } => {
    let text = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      text += String(s);
      return true;
    });
    return { text: () => text, restore: () => spy.mockRestore() };
  };

  test.each([
    [['--lab', 'xyz'], /unknown lab 'xyz'/],
    [['--seed', 'abc'], /--seed needs a non-negative integer/],
    [['--max-time', '0'], /--max-time needs a positive number/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['--servers', '1'], /--servers needs a number from 2 to 8, not '1'/],
    [['--servers', '9'], /--servers needs a number from 2 to 8/],
    [['--clients', '0'], /--clients needs a number from 1 to 8, not '0'/],
    [['--clients=x'], /--clients needs a number from 1 to 8, not 'x'/],
    [['--clients'], /option --clients needs a value/],
    [[join(dir, 'missing.txt')], /cannot read .*missing\.txt/],
  ])('%j', (args, message) => {
    const e = stderr();
    try {
      expect(run(args).code).toBe(2);
      expect(e.text()).toMatch(message);
    } finally {
      e.restore();
    }
  });

  test('a line without a known host prompt names its line number', () => {
    writeFileSync(join(dir, 'bad.txt'), 'client# true\n\nnobody# ls\n');
    const e = stderr();
    try {
      expect(run([join(dir, 'bad.txt')]).code).toBe(2);
      expect(e.text()).toMatch(/^lvs-lab: line 3: /);
    } finally {
      e.restore();
    }
  });

  test('--help and --version', () => {
    expect(run(['--help']).out).toMatch(/^Usage: lvs-lab/);
    expect(run(['--version']).out).toMatch(/^lvs-lab \d/);
  });
});

describe('the prompt line kept for a repeated transcript line', () => {
  test('each line prints its own host and command, repeated or not', () => {
    const lines = ['client# echo a', 'client# echo a', 'rs1# echo a', 'client# echo b', 'client# echo a'];
    const file = join(dir, 'prompts.txt');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { code, out } = run(['--lab', 'nat', file]);
    expect(code).toBe(0);
    expect(out).toBe(
      '[root@client ~]# echo a\na\n[root@client ~]# echo a\na\n[root@rs1 ~]# echo a\na\n' +
        '[root@client ~]# echo b\nb\n[root@client ~]# echo a\na\n',
    );
  });
});
