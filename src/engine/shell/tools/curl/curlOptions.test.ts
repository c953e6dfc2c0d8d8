import { describe, expect, it } from 'vitest';
import { SEC } from '../../../core/sim';
import { LabRuntime } from '../../../runtime/labRuntime';

/** The configured DR lab behind a shell-like helper (quotes and all, as a terminal runs them). */
function drReady() {
  const rt = LabRuntime.create('dr');
  const run = (host: string, command: string) => {
    const r = rt.exec({ host, command });
    return { status: r.exit, out: r.stdout, err: r.stderr, endUs: r.end - r.start };
  };
  const ok = (host: string, command: string): string => {
    const r = run(host, command);
    if (r.status !== 0) throw new Error(`${command}: exit ${r.status}: ${r.err}`);
    return r.out;
  };
  return { rt, run, ok };
}

/** The TCP payloads `host` put on the wire, in order. */
function sentData(s: ReturnType<typeof drReady>, host: string): string[] {
  return s.rt.sim.trace
    .slice()
    .filter((e) => e.kind === 'frame.tx' && e.host === host)
    .map(
      (e) =>
        (e as unknown as { eth: { payload: { payload?: { data?: string } } } }).eth.payload.payload?.data,
    )
    .filter((d): d is string => typeof d === 'string' && d !== '');
}

describe('curl options for load tests', () => {
  it('-H is sent: added after curl’s own headers, replaces one of the same name, `Name:` drops it', () => {
    const s = drReady();
    s.ok('client', 'curl -s -H "X-Test: 1" -H "Accept:" -H "User-Agent: ab" 192.168.99.140');
    expect(sentData(s, 'client')).toContain(
      'GET / HTTP/1.1\r\nHost: 192.168.99.140\r\nX-Test: 1\r\nUser-Agent: ab\r\n\r\n',
    );
  });

  it('--interface chooses among the client’s addresses; the server sees that source', () => {
    const s = drReady();
    s.ok('client', 'ip addr add 172.16.132.90/24 dev eth0');
    expect(s.ok('client', "curl -s -w '%{local_ip} %{remote_ip}\\n' 192.168.99.140")).toBe(
      'rs1\n172.16.132.78 192.168.99.140\n',
    );
    expect(s.ok('client', "curl -s --interface 172.16.132.90 -w '%{local_ip}\\n' 192.168.99.140")).toBe(
      'rs1\n172.16.132.90\n',
    );
    expect(s.ok('client', 'ss -tan')).toMatch(
      /TIME-WAIT {3}0 {6}0 {6}172\.16\.132\.90:\d+ +192\.168\.99\.140:80 /,
    );
    const r = s.run('client', 'curl -v --interface eth0 192.168.99.140');
    expect(r.err).toMatch(
      /^\* About to connect\(\) to 192\.168\.99\.140 port 80 \(#0\)\n\* {3}Trying 192\.168\.99\.140\.\.\.\n\* Local Interface eth0 is ip 172\.16\.132\.78 using address family 2\n\* Local port: \d+\n\* Connected to/,
    );
  });

  it('--local-port binds that port; a busy one or a foreign address fails with (45)', () => {
    const s = drReady();
    expect(s.ok('client', "curl -s --local-port 40000 -w '%{local_port}\\n' 192.168.99.140")).toBe(
      'rs1\n40000\n',
    );
    // Port 40000 is in TIME-WAIT now: bind() refuses it, the range moves on to 40001.
    expect(s.run('client', 'curl -s --local-port 40000 192.168.99.140')).toMatchObject({
      status: 45,
      err: '',
    });
    expect(s.run('client', 'curl --local-port 40000 192.168.99.140').err).toBe(
      'curl: (45) bind failed with errno 98: Address already in use\n',
    );
    expect(s.ok('client', "curl -s --local-port 40000-40001 -w ' %{local_port}' 192.168.99.140")).toBe(
      'rs1\n 40001',
    );
    expect(s.run('client', 'curl --interface 10.9.9.9 192.168.99.140')).toMatchObject({
      status: 45,
      err: 'curl: (45) bind failed with errno 99: Cannot assign requested address\n',
    });
    expect(s.run('client', 'curl --interface eth9 192.168.99.140').err).toBe(
      "curl: (45) Couldn't bind to 'eth9'\n",
    );
    expect(s.run('client', 'curl --local-port 0 192.168.99.140').status).toBe(2);
  });

  it('--connect-timeout gives up on the handshake only; -w times come from the virtual clock', () => {
    const s = drReady();
    const r = s.run('client', 'curl -v --connect-timeout 3 192.168.99.99');
    expect(r.status).toBe(28);
    expect(r.err).toBe(
      '* About to connect() to 192.168.99.99 port 80 (#0)\n*   Trying 192.168.99.99...\n* Connection timed out after 3001 milliseconds\n* Closing connection 0\ncurl: (28) Connection timed out after 3001 milliseconds\n',
    );
    // Three seconds of handshake, plus the process start and output's CPU time (docs/virtual-cpu-time.md).
    expect(r.endUs).toBeGreaterThanOrEqual(3 * SEC);
    expect(r.endUs).toBeLessThan(3 * SEC + 2_000);
    const w = s.ok(
      'client',
      "curl -s --connect-timeout 3 -o /dev/null -w '%{http_code} %{time_connect} %{time_total} %{size_download} %{num_connects}' 192.168.99.140",
    );
    const [code, connect, total, size, n] = w.split(' ');
    expect([code, size, n]).toEqual(['200', '4', '1']);
    expect(Number(connect)).toBeGreaterThan(0);
    expect(Number(total)).toBeGreaterThanOrEqual(Number(connect));
  });

  it('-v on a refused connect, line by line as 7.29 prints it', () => {
    const s = drReady();
    s.ok('rs1', 'systemctl stop httpd');
    expect(s.run('client', 'curl -v 192.168.99.140').err).toBe(
      [
        '* About to connect() to 192.168.99.140 port 80 (#0)',
        '*   Trying 192.168.99.140...',
        '* Connection refused',
        '* Failed connect to 192.168.99.140:80; Connection refused',
        '* Closing connection 0',
        'curl: (7) Failed connect to 192.168.99.140:80; Connection refused',
        '',
      ].join('\n'),
    );
  });
});
