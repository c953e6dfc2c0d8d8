import { describe, expect, test } from 'vitest';
import { TCP_ACK } from '../packet/types';
import type { Ipv4Packet } from '../packet/types';
import { TestLab } from '../testing/testLab';
import type { Host } from './host';
import { newSkb } from './skb';

const lab = () => new TestLab('dr').sysctl('router', 'net.ipv4.ip_forward', 1);

/** A bare ACK from src:sport to dst:dport, handed to `host`'s socket table as tcp_v4_rcv would. */
function ackTo(host: Host, src: string, sport: number, dst: string, dport: number): void {
  const pkt: Ipv4Packet = {
    proto: 'ipv4',
    tos: 0,
    id: 0,
    df: true,
    mf: false,
    fragOffset: 0,
    ttl: 64,
    protocol: 6,
    src,
    dst,
    payload: {
      proto: 'tcp',
      srcPort: sport,
      dstPort: dport,
      seq: 1,
      ack: 1,
      flags: TCP_ACK,
      window: 502,
      urgent: 0,
      options: [],
      data: '',
    },
  };
  host.sockets.tcpRcv(newSkb('test-ack', pkt));
}

describe("the socket table's memos (the entry last found, the listener last asked)", () => {
  test('a connection closed and removed is forgotten: a segment for its tuple finds no socket', () => {
    const l = lab();
    expect(l.curl('client', '192.168.99.150').exit).toBe(0);
    l.run(0.01);
    // rs2 closed second: its socket got the last ACK (found, so remembered) and left the table.
    expect(l.host('rs2').sockets.connCount).toBe(0);
    const [tw] = l.host('client').sockets.connections();
    const before = l.events('tcp.no-socket', (e) => e.host === 'rs2').length;
    ackTo(l.host('rs2'), tw!.laddr, tw!.lport, '192.168.99.150', 80);
    expect(l.events('tcp.no-socket', (e) => e.host === 'rs2').length).toBe(before + 1);
  });

  test("the TIME-WAIT record takes its socket's place, and is forgotten when it expires", () => {
    const l = lab();
    expect(l.curl('client', '192.168.99.150').exit).toBe(0);
    l.run(0.01);
    const [tw] = l.host('client').sockets.connections();
    expect(tw!.state).toBe('TIME-WAIT');
    l.run(61);
    expect(l.host('client').sockets.connCount).toBe(0);
    const before = l.events('tcp.no-socket', (e) => e.host === 'client').length;
    ackTo(l.host('client'), '192.168.99.150', 80, tw!.laddr, tw!.lport);
    expect(l.events('tcp.no-socket', (e) => e.host === 'client').length).toBe(before + 1);
  });

  test('stopping and starting the listener is seen by the next SYN to the same address and port', () => {
    const l = lab();
    expect(l.exec('rs2', 'curl -s 127.0.0.1').stdout).toBe('rs2\n');
    expect(l.exec('rs2', 'systemctl stop httpd').exit).toBe(0);
    expect(l.exec('rs2', 'curl -s 127.0.0.1').exit).toBe(7);
    expect(l.exec('rs2', 'systemctl start httpd').exit).toBe(0);
    expect(l.exec('rs2', 'curl -s 127.0.0.1').stdout).toBe('rs2\n');
  });
});
