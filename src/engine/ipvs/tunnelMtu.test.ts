import { describe, expect, test } from 'vitest';
import { configuredTun } from '../testing/configuredLabs';
import type { Ipv4Packet } from '../packet/types';

const VIP = '192.168.99.188';

/** A DF SYN carrying `bytes` of data from the client to VIP:80 (what a large first segment looks like). */
function bigSyn(bytes: number): Ipv4Packet {
  return {
    proto: 'ipv4',
    tos: 0,
    id: 1,
    df: true,
    mf: false,
    fragOffset: 0,
    ttl: 64,
    protocol: 6,
    src: '172.16.132.78',
    dst: VIP,
    payload: {
      proto: 'tcp',
      srcPort: 40000,
      dstPort: 80,
      seq: 1,
      ack: 0,
      flags: 0x02,
      window: 64240,
      urgent: 0,
      options: [],
      data: 'x'.repeat(bytes),
    },
  };
}

describe('LVS-TUN: the tunnel MTU is the route MTU towards the real server less 20', () => {
  test.each([
    [1500, 1481, 1480],
    [1400, 1381, 1380],
  ])('director eth0 MTU %i: a %i-byte DF packet gets frag-needed with MTU %i', (devMtu, size, mtu) => {
    const l = configuredTun();
    l.host('director').devices.get('eth0')!.mtu = devMtu;
    l.inject('client', bigSyn(size - 40));
    l.run(0.1);
    expect(
      l.events('drop', (e) => e.host === 'director' && e.reason === 'ipvs-frag-needed')[0],
    ).toMatchObject({ mtu });
    expect(l.events('icmp.send', (e) => e.host === 'director')[0]).toMatchObject({
      type: 3,
      code: 4,
      to: '172.16.132.78',
    });
  });

  test('a packet that fits the tunnel goes through', () => {
    const l = configuredTun();
    l.host('director').devices.get('eth0')!.mtu = 1400;
    l.inject('client', bigSyn(1380 - 40));
    l.run(0.1);
    expect(l.events('drop', (e) => e.host === 'director' && e.reason === 'ipvs-frag-needed')).toEqual([]);
    expect(l.events('ipvs.xmit', (e) => e.host === 'director')[0]).toMatchObject({ method: 'tunnel' });
  });
});
