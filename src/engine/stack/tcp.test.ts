import { describe, expect, test } from 'vitest';
import { SEC } from '../core/sim';
import { TCP_ACK, TCP_FIN } from '../packet/types';
import { TestLab } from '../testing/testLab';
import { TcpSock } from './tcpSock';
import { TcpTimeWait } from './tcpTimeWait';

const lab = () => new TestLab('dr').sysctl('router', 'net.ipv4.ip_forward', 1);

describe('TCP and the apps on it', () => {
  test('a request: handshake, GET, response, FIN from the client, TIME-WAIT for 60 s', () => {
    const l = lab();
    const r = l.curl('client', '192.168.99.150');
    expect(r.exit).toBe(0);
    expect(r.body).toBe('rs2\n');
    expect(r.headers).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    l.run(1);
    const client = l.events('sock', (e) => e.host === 'client').map((e) => e.to);
    expect(client).toEqual(['SYN-SENT', 'ESTAB', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT']);
    const server = l.events('sock', (e) => e.host === 'rs2').map((e) => e.to);
    expect(server).toEqual(['SYN-RECV', 'ESTAB', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
    const tw = l.events('sock', (e) => e.host === 'client' && e.to === 'TIME-WAIT')[0]!.t;
    l.run(61);
    const closed = l.events('sock', (e) => e.host === 'client' && e.to === 'CLOSED')[0]!;
    expect(closed.t - tw).toBe(60 * SEC);
  });

  test('httpd closes a persistent connection 5 s after its last response; a new request restarts the wait', () => {
    const l = lab();
    const got: string[] = [];
    let eofAt = -1;
    const sim = l.host('client').sim;
    const sock = l.host('client').sockets.connect('192.168.99.150', 80, {
      onConnect: () => (sock as TcpSock).send('GET / HTTP/1.1\r\nHost: x\r\n\r\n'),
      onData: (d) => void got.push(d),
      onEof: () => void (eofAt = sim.now),
    });
    if (typeof sock === 'string') throw new Error(sock);
    l.run(3);
    expect(got.join('')).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*rs2\n$/);
    expect(eofAt).toBe(-1);
    // A second request at 3 s: the first wait is cancelled, the second ends 5 s after its response.
    sock.send('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const sentAt = sim.now;
    l.run(4.9);
    expect(eofAt).toBe(-1);
    l.run(0.2);
    expect(eofAt).toBeGreaterThan(sentAt + 5 * SEC);
    expect(eofAt).toBeLessThan(sentAt + 5 * SEC + 0.1 * SEC);
    const server = l.events('sock', (e) => e.host === 'rs2').map((e) => e.to);
    expect(server).toEqual(['SYN-RECV', 'ESTAB', 'FIN-WAIT-1', 'FIN-WAIT-2']);
  });

  test('a server finds its listener by the address and port of each SYN, whichever it was asked last', () => {
    const l = lab();
    // On rs2 itself: a SYN to its RIP (the listener is 0.0.0.0:80), to a port nobody listens on
    // (RST: curl is refused), to the loopback, then the RIP again.
    expect(l.exec('rs2', 'curl -s 192.168.99.150').stdout).toBe('rs2\n');
    expect(l.exec('rs2', 'curl -s 192.168.99.150:81').exit).toBe(7);
    expect(l.exec('rs2', 'curl -s 127.0.0.1').stdout).toBe('rs2\n');
    expect(l.exec('rs2', 'curl -s 192.168.99.150:81').exit).toBe(7);
    expect(l.exec('rs2', 'curl -s 192.168.99.150').stdout).toBe('rs2\n');
    expect(l.events('tcp.no-socket', (e) => e.host === 'rs2').map((e) => e.port)).toEqual([81, 81]);
  });

  test('a TIME-WAIT socket (its queues and congestion state let go) still ACKs a repeated FIN; the RST it earns ends it', () => {
    const l = lab();
    expect(l.curl('client', '192.168.99.150').exit).toBe(0);
    l.run(0.01);
    const tw = [...l.host('client').sockets.connections()].find((c) => c.state === 'TIME-WAIT')!;
    const frames = (): number => l.events('frame.tx', (e) => e.host === 'client').length;
    const before = frames();
    const seg = {
      proto: 'tcp',
      srcPort: tw.rport,
      dstPort: tw.lport,
      window: 502,
      urgent: 0,
      options: [],
      data: '',
    };
    tw.input({ ...seg, proto: 'tcp', seq: (tw.rcvNxt - 1) >>> 0, ack: tw.sndNxt, flags: TCP_FIN | TCP_ACK });
    expect(tw.state).toBe('TIME-WAIT');
    // rs2 has closed its side: it answers the ACK with a RST, which ends TIME-WAIT (no tcp_rfc1337).
    l.run(0.01);
    expect(frames()).toBe(before + 1);
    expect(tw.state).toBe('CLOSED');
    expect([...l.host('client').sockets.connections()]).not.toContain(tw);
    expect(l.events('sock', (e) => e.sock === tw.id && e.to === 'CLOSED')[0]!.reason).toBe(
      'rst-in-time-wait',
    );
  });

  test('TIME-WAIT is a small record in the socket table: ss lists it, its bound port stays taken, it expires after 60 s', () => {
    const l = lab();
    expect(l.exec('client', 'curl -s --local-port 40000 192.168.99.150').exit).toBe(0);
    l.run(0.01);
    const conns = [...l.host('client').sockets.connections()];
    expect(conns.length).toBe(1);
    expect(conns[0]).toBeInstanceOf(TcpTimeWait);
    expect(conns[0]).not.toBeInstanceOf(TcpSock);
    const tw = conns[0] as TcpTimeWait;
    // Packed fields read back as the socket had them.
    const entered = l.events('sock', (e) => e.host === 'client' && e.to === 'TIME-WAIT')[0]!;
    expect([tw.id, tw.lport, tw.rport, tw.peerTs]).toEqual([entered.sock, 40000, 80, true]);
    expect(l.exec('client', 'ss -tan').stdout).toMatch(
      /^TIME-WAIT +0 +0 +172\.16\.132\.78:40000 +192\.168\.99\.150:80 /m,
    );
    expect(l.exec('client', 'ss -s').stdout).toContain('timewait 1/0');
    // bind() to the port of a TIME-WAIT pair fails: curl (45).
    expect(l.exec('client', 'curl -s --local-port 40000 192.168.99.150; echo $?').stdout).toBe('45\n');
    l.run(61);
    expect(l.host('client').sockets.connCount).toBe(0);
    expect(l.exec('client', 'curl -s --local-port 40000 192.168.99.150').stdout).toBe('rs2\n');
  });

  test('a new SYN for a pair the server holds in TIME-WAIT takes the pair over (docs/linux-behaviour.md: always, where Linux checks its sequence number or timestamp)', () => {
    const l = lab();
    // ab asks HTTP/1.0 without keep-alive: the server closes first and keeps the TIME-WAIT.
    expect(l.exec('client', 'ab -n 1 -c 1 http://192.168.99.150/').exit).toBe(0);
    l.run(0.01);
    const [tw] = [...l.host('rs2').sockets.connections()];
    expect(tw).toBeInstanceOf(TcpTimeWait);
    // The client closed second, so its port is free again at once: it connects from the same one.
    expect(l.exec('client', `curl -s --local-port ${tw!.rport} 192.168.99.150`).stdout).toBe('rs2\n');
    expect(l.events('sock', (e) => e.sock === tw!.id && e.to === 'CLOSED')[0]!.reason).toBe(
      'time-wait-reused',
    );
    expect(tw!.state).toBe('CLOSED');
  });

  test('a closed port answers RST+ACK and curl says Connection refused (exit 7)', () => {
    const l = lab();
    const r = l.curl('client', '192.168.99.140', 8080);
    expect(r.exit).toBe(7);
    expect(r.error).toBe('Failed connect to 192.168.99.140:8080; Connection refused');
    const rst = l.events('tcp.no-socket', (e) => e.host === 'rs1');
    expect(rst.length).toBe(1);
  });

  test('an unanswered SYN is retransmitted with exponential backoff, then ETIMEDOUT', () => {
    const l = new TestLab('dr'); // router does not forward
    const r = l.curl('client', '192.168.99.140');
    expect(r.exit).toBe(7);
    expect(r.error).toBe('Failed connect to 192.168.99.140:80; Connection timed out');
    const syns = l.events('frame.tx', (e) => e.host === 'client' && e.pkt !== null).map((e) => e.t / SEC);
    // The first SYN waits 204 µs for ARP (two hops of 100 µs plus each frame's time on the links); the timer runs from when it was queued.
    expect(syns).toEqual([0.000204, 1, 3, 7, 15, 31, 63]);
    expect(l.sim.now).toBeGreaterThanOrEqual(127 * SEC);
  });

  test('curl -m 2 gives up with exit 28', () => {
    const l = new TestLab('dr');
    const r = l.curl('client', '192.168.99.140', 80, 2);
    expect(r.exit).toBe(28);
  });

  test('a host with no route: ICMP net unreachable from a forwarding router', () => {
    const l = lab();
    const p = l.ping('client', '203.0.113.9', 1);
    expect(p.errors).toMatchObject([{ seq: 1, from: '172.16.132.1', type: 3, code: 0 }]);
  });
});
