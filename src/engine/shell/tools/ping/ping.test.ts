import { describe, expect, it } from 'vitest';
import { SEC } from '../../../core/sim';
import { TestLab, tookAbout } from '../../../testing/testLab';

describe('ping', () => {
  it('prints iputils lines and statistics from virtual time', () => {
    const s = new TestLab('dr');
    const r = s.sh('director', 'ping -c 3 -n 192.168.99.140');
    expect(r.out).toBe(
      [
        'PING 192.168.99.140 (192.168.99.140) 56(84) bytes of data.',
        '64 bytes from 192.168.99.140: icmp_seq=1 ttl=64 time=0.408 ms',
        '64 bytes from 192.168.99.140: icmp_seq=2 ttl=64 time=0.204 ms',
        '64 bytes from 192.168.99.140: icmp_seq=3 ttl=64 time=0.204 ms',
        '',
        '--- 192.168.99.140 ping statistics ---',
        '3 packets transmitted, 3 received, 0% packet loss, time 2000ms',
        'rtt min/avg/max/mdev = 0.204/0.272/0.408/0.096 ms',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
    expect(tookAbout(r, 2 * SEC + 200)).toBe(true);
  });

  it('names the default gateway as nss-myhostname does', () => {
    expect(new TestLab('dr').ok('client', 'ping -c 1 172.16.132.1')).toContain(
      '64 bytes from gateway (172.16.132.1): icmp_seq=1',
    );
  });

  it('reports Destination Host Unreachable when ARP fails (exit 1)', () => {
    const r = new TestLab('dr').sh('client', 'ping -c 2 172.16.132.99');
    expect(r.out).toBe(
      [
        'PING 172.16.132.99 (172.16.132.99) 56(84) bytes of data.',
        'From client (172.16.132.78) icmp_seq=1 Destination Host Unreachable',
        'From client (172.16.132.78) icmp_seq=2 Destination Host Unreachable',
        '',
        '--- 172.16.132.99 ping statistics ---',
        '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms',
        'pipe 2',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });

  it('runs until Ctrl-C without -c and still prints the statistics', () => {
    const r = new TestLab('dr').sh('director', 'ping 192.168.99.1', { interruptAfterUs: 2 * SEC + 5000 });
    expect(r.out.match(/^64 bytes/gm)?.length).toBe(3);
    expect(r.out).toContain('3 packets transmitted, 3 received, 0% packet loss, time 2000ms\n');
  });

  it('-w deadline stops sending', () => {
    const r = new TestLab('dr').sh('director', 'ping -w 2 -q 192.168.99.1');
    expect(r.out).toContain('2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n');
    expect(r.status).toBe(0);
    expect(tookAbout(r, 2 * SEC)).toBe(true);
  });

  it.each([
    ['ping', 2, 'Usage: ping [-aAbBdDfhLnOqrRUvV] [-c count] [-i interval] [-I interface]\n'],
    ['ping foo', 2, 'ping: unknown host foo\n'],
    ['ping -c 0 1.2.3.4', 2, 'ping: bad number of packets to transmit.\n'],
    ['ping -i x 1.2.3.4', 2, 'ping: bad timing interval\n'],
    ['ping -W -1 1.2.3.4', 2, 'ping: bad linger time.\n'],
    ['ping -c', 2, "ping: option requires an argument -- 'c'\n"],
    ['ping 192.168.99.255', 2, 'Do you want to ping broadcast? Then -b\n'],
  ])('%s → exit %i', (line, status, err) => {
    const r = new TestLab('dr').sh('director', line);
    expect(r.err.startsWith(err)).toBe(true);
    expect(r.status).toBe(status);
  });

  it('connect: Network is unreachable without a route', () => {
    const s = new TestLab('dr');
    s.ok('director', 'ip route del default');
    expect(s.sh('director', 'ping -c 1 8.8.8.8')).toMatchObject({
      status: 2,
      err: 'connect: Network is unreachable\n',
    });
  });
});
