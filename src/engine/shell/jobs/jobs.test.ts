import { describe, expect, it } from 'vitest';
import { TestLab } from '../../testing/testLab';

const SEC = 1_000_000;
const VIP = '172.16.132.18';

/** A configured NAT lab (two clients); `sh` types a line on `client`. */
function lab() {
  const l = new TestLab('nat', 1, true, { clients: 2 });
  return { l, sh: (line: string, host = 'client') => l.sh(host, line) };
}

describe('background jobs as bash runs them', () => {
  it('prints [N] PID on stderr, lists jobs with + and -, sets $!', () => {
    const { sh } = lab();
    expect(sh('sleep 1 &')).toMatchObject({ out: '', err: '[1] 1001\n', status: 0 });
    expect(sh('sleep 5 &')).toMatchObject({ err: '[2] 1002\n' });
    expect(sh('jobs')).toMatchObject({
      out: '[1]-  Running                 sleep 1 &\n[2]+  Running                 sleep 5 &\n',
      err: '',
    });
    expect(sh('jobs -l').out).toBe(
      '[1]-  1001 Running                 sleep 1 &\n[2]+  1002 Running                 sleep 5 &\n',
    );
    expect(sh('jobs -p').out).toBe('1001\n1002\n');
    expect(sh('echo $!').out).toBe('1002\n');
  });

  it('reports a finished job once, before the prompt after it ended', () => {
    const { sh } = lab();
    sh('sleep 1 &');
    expect(sh('sleep 2')).toMatchObject({ err: '[1]+  Done                    sleep 1\n', status: 0 });
    expect(sh('jobs')).toMatchObject({ out: '', err: '' });
    sh('(exit 3) &');
    expect(sh('wait %1')).toMatchObject({ status: 3, err: '[1]+  Exit 3                  ( exit 3 )\n' });
  });

  it('runs a background sleep beside the foreground: wait returns when it ends, not after both', () => {
    const { sh } = lab();
    const start = sh('sleep 3 &').startUs;
    sh('sleep 1');
    const w = sh('wait');
    expect(w.endUs - start).toBeGreaterThanOrEqual(3 * SEC);
    expect(w.endUs - start).toBeLessThan(3.1 * SEC);
  });

  it('kill %N ends a job with SIGTERM: Terminated at the next prompt, status 143', () => {
    const { sh } = lab();
    sh('sleep 100 &');
    expect(sh('kill %1')).toMatchObject({ out: '', err: '', status: 0 });
    expect(sh('echo x')).toMatchObject({ out: 'x\n', err: '[1]+  Terminated              sleep 100\n' });
    sh('sleep 100 &');
    expect(sh('kill -9 $!; wait $!; echo $?')).toMatchObject({
      out: '137\n',
      err: '[1]+  Killed                  sleep 100\n',
    });
  });

  it('gives bash’s errors for bad job specs and pids', () => {
    const { sh } = lab();
    expect(sh('wait %3')).toMatchObject({ err: 'bash: wait: %3: no such job\n', status: 127 });
    expect(sh('wait 12345')).toMatchObject({
      err: 'bash: wait: pid 12345 is not a child of this shell\n',
      status: 127,
    });
    expect(sh('wait abc')).toMatchObject({
      err: "bash: wait: `abc': not a pid or valid job spec\n",
      status: 1,
    });
    expect(sh('kill %7')).toMatchObject({ err: 'bash: kill: %7: no such job\n', status: 1 });
    expect(sh('kill 99999')).toMatchObject({ err: 'bash: kill: (99999) - No such process\n', status: 1 });
    expect(sh('kill abc')).toMatchObject({
      err: 'bash: kill: abc: arguments must be process or job IDs\n',
      status: 1,
    });
    expect(sh('kill')).toMatchObject({
      err: 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
      status: 2,
    });
    expect(sh('fg')).toMatchObject({ err: 'bash: fg: current: no such job\n', status: 1 });
  });

  it('fg prints the command and waits for it; Ctrl-C then ends the job only', () => {
    const { l, sh } = lab();
    sh('sleep 1 &');
    expect(sh('fg')).toMatchObject({ out: 'sleep 1\n', err: '', status: 0 });
    sh('sleep 100 &');
    sh('sleep 50 &');
    const r = l.sh('client', 'fg %1', { interruptAfterUs: SEC });
    expect(r).toMatchObject({ out: 'sleep 100\n', status: 130, interrupted: true });
    expect(sh('jobs').out).toBe('[2]+  Running                 sleep 50 &\n');
  });

  it('Ctrl-C stops the foreground command and leaves the background job running', () => {
    const { l, sh } = lab();
    sh('sleep 10 &');
    expect(l.sh('client', 'sleep 100', { interruptAfterUs: SEC })).toMatchObject({ status: 130 });
    expect(sh('jobs').out).toBe('[1]+  Running                 sleep 10 &\n');
  });

  it('a background curl and a foreground one overlap on the wire; its output reaches the terminal', () => {
    const { l, sh } = lab();
    const r = sh(`curl -s ${VIP} & curl -s ${VIP}; wait`);
    expect(r.out.split('\n').sort().join(',')).toBe(',rs1,rs2');
    // The director scheduled both connections before either curl had its answer.
    const ev = l.rt.trace.slice(l.rt.results.at(-1)!.traceFrom);
    const news = ev.flatMap((e, i) => (e.kind === 'ipvs.conn' && e.event === 'new' ? [i] : []));
    const firstExit = ev.findIndex((e) => e.kind === 'app' && e.app === 'curl' && e.event === 'exit');
    expect(news.length).toBe(2);
    expect(news[1]!).toBeLessThan(firstExit);
  });

  it('two clients run ab at once: their connections reach the director interleaved', () => {
    const { l, sh } = lab();
    const from = l.rt.trace.length;
    sh(`ab -q -n 20 -c 4 http://${VIP}/ > /dev/null &`, 'client');
    sh(`ab -q -n 20 -c 4 http://${VIP}/ > /dev/null &`, 'client2');
    expect(sh('wait', 'client')).toMatchObject({
      status: 0,
      err: '[1]+  Done                    ab -q -n 20 -c 4 http://172.16.132.18/ > /dev/null\n',
    });
    sh('wait', 'client2');
    const order = l.rt.trace
      .slice(from)
      .flatMap((e) => (e.kind === 'ipvs.conn' && e.event === 'new' ? [e.client.split(':')[0]] : []));
    expect(order.length).toBe(40);
    const firstOf2 = order.findIndex((c) => c !== order[0]);
    const lastOf1 = order.lastIndexOf(order[0]);
    expect(firstOf2).toBeGreaterThan(0);
    expect(firstOf2).toBeLessThan(lastOf1);
  });

  it('a script’s background job is its own: not listed by the terminal, $! and wait work inside', () => {
    const { l, sh } = lab();
    l.writeFile('client', '/root/j.sh', 'sleep 1 &\necho pid=$!\nwait $!\necho st=$?\njobs\n');
    expect(sh('bash /root/j.sh')).toMatchObject({ out: 'pid=1002\nst=0\n', err: '' });
  });
});
