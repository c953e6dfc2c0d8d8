import { describe, expect, test } from 'vitest';
import { TestLab } from '../../../testing/testLab';

describe('ip link set … txqueuelen', () => {
  test('sets the queue limit that ip link and ifconfig show', () => {
    const t = new TestLab('nat');
    expect(t.ok('client', 'ip link show eth0')).toContain(' qlen 1000\n');
    expect(t.ok('client', 'ip link set dev eth0 txqueuelen 5')).toBe('');
    expect(t.ok('client', 'ip link show eth0')).toContain(' qlen 5\n');
    expect(t.ok('client', 'ifconfig eth0')).toContain('txqueuelen 5  (Ethernet)');
    expect(t.sh('client', 'ip link set dev eth0 txqueuelen lots')).toMatchObject({
      status: 255,
      err: 'Error: argument "lots" is wrong: Invalid "txqueuelen" value\n\n',
    });
    expect(t.sh('client', 'ip link set dev eth0 qlen 3 txqueuelen 4').err).toBe(
      'Error: either "txqueuelen" is duplicate, or "4" is a garbage.\n',
    );
  });

  test('a burst larger than the queue drops what does not fit (txqueue-full)', () => {
    const t = new TestLab('nat');
    t.ok('client', 'ping -c 1 172.16.132.18'); // resolve the gateway first
    t.ok('client', 'ip link set dev eth0 txqueuelen 3');
    const from = t.sim.trace.length;
    // Twenty 1000-byte datagrams at the same instant: one on the wire, three waiting.
    for (let i = 0; i < 20; i++)
      t.inject('client', {
        proto: 'ipv4',
        tos: 0,
        id: i,
        df: true,
        mf: false,
        fragOffset: 0,
        ttl: 64,
        protocol: 17,
        src: '172.16.132.78',
        dst: '172.16.132.18',
        payload: { proto: 'udp', srcPort: 5000, dstPort: 9, data: 'x'.repeat(1000) },
      });
    t.run(0.01);
    const ev = t.sim.trace.slice(from);
    const drops = ev.filter((e) => e.kind === 'drop' && e.reason === 'txqueue-full');
    const sent = ev.filter(
      (e) =>
        e.kind === 'frame.tx' &&
        e.host === 'client' &&
        e.eth.payload.proto === 'ipv4' &&
        e.eth.payload.payload.proto === 'udp',
    );
    expect(drops).toHaveLength(16);
    expect(sent).toHaveLength(4);
    // Back to back at 1 Gbit/s: 1042 + 24 wire bytes each, 8.528 µs apart, rounded up.
    const times = sent.map((e) => e.t - sent[0]!.t);
    expect(times).toEqual([0, 9, 18, 26]);
  });
});
