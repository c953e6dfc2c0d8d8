/**
 * Byte-for-byte outputs: every list format of ipvsadm 1.31 and the seed article's `ipvsadm -Ln`
 * (whose first dest row lost its trailing spaces in the article; the real tool prints them).
 */
import { describe, expect, test } from 'vitest';
import { SEC } from '../../../core/sim';
import type { IpvsConn } from '../../../ipvs/conn';
import { ipvsOf } from '../../../ipvs/ipvs';
import type { IpvsDest, IpvsService } from '../../../ipvs/service';
import type { IpvsConnState } from '../../../ipvs/tcpStates';
import { Director } from '../../../testing/director';

/** The §5.3/§5.5 table: an rr NAT service, a persistent UDP DR service and an sh fwmark service. */
function specTable(): Director {
  return new Director().setup(
    '-A -t 192.168.0.100:80 -s rr',
    '-a -t 192.168.0.100:80 -r 10.0.0.11:80 -m',
    '-a -t 192.168.0.100:80 -r 10.0.0.12:8080 -m -w 2',
    '-A -u 192.168.0.100:53 -p',
    '-a -u 192.168.0.100:53 -r 10.0.0.21:53',
    '-A -f 1 -s sh -b sh-port -p 600 -M 255.255.255.0',
  );
}

function dest(svc: IpvsService, addr: string): IpvsDest {
  return svc.dests.find((d) => d.addr === addr)!;
}

describe('ipvsadm -L (§5.3)', () => {
  test('the §5.3 example, trailing spaces included', () => {
    const d = specTable();
    const ipvs = ipvsOf(d.host);
    const d12 = dest(ipvs.services[0]!, '10.0.0.12');
    d12.activeconns = 12;
    d12.inactconns = 3;
    dest(ipvs.services[1]!, '10.0.0.21').inactconns = 5;
    const r = d.ipvsadm('-Ln');
    expect(r).toEqual({
      code: 0,
      err: '',
      out:
        'IP Virtual Server version 1.2.1 (size=4096)\n' +
        'Prot LocalAddress:Port Scheduler Flags\n' +
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n' +
        'TCP  192.168.0.100:80 rr\n' +
        '  -> 10.0.0.11:80                 Masq    1      0          0         \n' +
        '  -> 10.0.0.12:8080               Masq    2      12         3         \n' +
        'UDP  192.168.0.100:53 wlc persistent 360\n' +
        '  -> 10.0.0.21:53                 Route   1      0          5         \n' +
        'FWM  1 sh (sh-port) persistent 600 mask 255.255.255.0\n',
    });
  });

  test('the fwmark line on its own', () => {
    const d = new Director().setup('-A -f 1 -s sh -b sh-port -p 600 -M 255.255.255.0');
    expect(d.ipvsadm('-Ln -f 1').out).toBe(
      'Prot LocalAddress:Port Scheduler Flags\n' +
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n' +
        'FWM  1 sh (sh-port) persistent 600 mask 255.255.255.0\n',
    );
  });

  test("the seed's NAT lab: ipvsadm -Ln after -A and two -a -m", () => {
    const d = new Director().setup(
      '-A -t 172.16.132.18:80 -s rr',
      '-a -t 172.16.132.18:80 -r 192.168.99.130:888 -m',
      '-a -t 172.16.132.18:80 -r 192.168.99.140:888 -m',
    );
    expect(d.ipvsadm('-Ln').out).toBe(
      'IP Virtual Server version 1.2.1 (size=4096)\n' +
        'Prot LocalAddress:Port Scheduler Flags\n' +
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n' +
        'TCP  172.16.132.18:80 rr\n' +
        '  -> 192.168.99.130:888           Masq    1      0          0         \n' +
        '  -> 192.168.99.140:888           Masq    1      0          0         \n',
    );
  });

  test("the seed's DR lab right after -A: a service with no dests", () => {
    const d = new Director().setup('-A -t 192.168.99.188:80 -s rr');
    expect(d.ipvsadm('-Ln').out).toBe(
      'IP Virtual Server version 1.2.1 (size=4096)\n' +
        'Prot LocalAddress:Port Scheduler Flags\n' +
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n' +
        'TCP  192.168.99.188:80 rr\n',
    );
  });

  test('without -n ports are named (CentOS 7 /etc/services) and addresses stay numeric', () => {
    const out = specTable().ipvsadm('-L').out.split('\n');
    expect(out.slice(3, 8)).toEqual([
      'TCP  192.168.0.100:http rr',
      '  -> 10.0.0.11:http               Masq    1      0          0         ',
      '  -> 10.0.0.12:webcache           Masq    2      0          0         ',
      'UDP  192.168.0.100:domain wlc persistent 360',
      '  -> 10.0.0.21:domain             Route   1      0          0         ',
    ]);
  });

  test('`ipvsadm` with no arguments lists like -L (names resolved)', () => {
    const d = specTable();
    expect(d.ipvsadm(['ipvsadm']).out).toBe(d.ipvsadm('-L').out);
  });
});

describe('ipvsadm -S (§5.5)', () => {
  test('the §5.5 example with -n', () => {
    const d = new Director().setup(
      '-A -t 192.168.0.100:80 -s rr',
      '-a -t 192.168.0.100:80 -r 10.0.0.11:80 -m',
      '-a -t 192.168.0.100:80 -r 10.0.0.12:8080 -m -w 2',
      '-A -u 192.168.0.100:53 -p',
      '-a -u 192.168.0.100:53 -r 10.0.0.21:53',
    );
    expect(d.ipvsadm('-S -n')).toEqual({
      code: 0,
      err: '',
      out:
        '-A -t 192.168.0.100:80 -s rr\n' +
        '-a -t 192.168.0.100:80 -r 10.0.0.11:80 -m -w 1\n' +
        '-a -t 192.168.0.100:80 -r 10.0.0.12:8080 -m -w 2\n' +
        '-A -u 192.168.0.100:53 -s wlc -p 360\n' +
        '-a -u 192.168.0.100:53 -r 10.0.0.21:53 -g -w 1\n',
    });
  });

  test('without -n names are used; ipvsadm-save is the same', () => {
    const d = new Director().setup('-A -t 192.168.0.100:80 -s rr', '-a -t 192.168.0.100:80 -r 10.0.0.11 -i');
    const expected =
      '-A -t 192.168.0.100:http -s rr\n-a -t 192.168.0.100:http -r 10.0.0.11:http -i -w 1 --tun-type ipip\n';
    expect(d.ipvsadm('-S').out).toBe(expected);
    expect(d.save().out).toBe(expected);
    expect(d.save('-n').out).toBe(expected.replaceAll('http', '80'));
  });

  test('fwmark services, thresholds not saved, -M only when persistent, --pe, -o, -b', () => {
    const d = new Director().setup(
      '-A -f 1 -s sh -b sh-port -p 600 -M 255.255.255.0',
      '-a -f 1 -r 10.0.0.31 -w 3 -x 10 -y 5',
      '-A -u 10.1.1.1:5060 -s rr -o --pe sip -M 255.255.0.0',
    );
    expect(d.ipvsadm('-Sn').out).toBe(
      '-A -u 10.1.1.1:5060 -s rr --pe sip -o\n' +
        '-A -f 1 -s sh -p 600 -M 255.255.255.0 -b sh-port\n' +
        '-a -f 1 -r 10.0.0.31:0 -g -w 3\n',
    );
  });
});

describe('other list formats (§5.4)', () => {
  test('--stats: the example row', () => {
    const d = new Director().setup('-A -t 192.168.0.100:80 -s rr');
    const c = ipvsOf(d.host).services[0]!.stats.counters;
    Object.assign(c, { conns: 14209, inpkts: 111769, outpkts: 74613, inbytes: 7207174, outbytes: 8334358 });
    expect(d.ipvsadm('-Ln --stats').out).toBe(
      'IP Virtual Server version 1.2.1 (size=4096)\n' +
        'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n' +
        '  -> RemoteAddress:Port\n' +
        'TCP  192.168.0.100:80                14209   111769    74613  7207174  8334358\n',
    );
  });

  test('--timeout', () => {
    expect(new Director().ipvsadm('-L --timeout')).toEqual({
      code: 0,
      err: '',
      out: 'Timeout (tcp tcpfin udp): 900 120 300\n',
    });
  });

  test('-Lnc: the §5.4 rows, a TCP template and a fwmark (IP) template included', () => {
    const d = specTable();
    d.setup('-a -f 1 -r 10.0.0.31');
    const ipvs = ipvsOf(d.host);
    const [tcp, udp, fwm] = ipvs.services;
    const conn = (
      bucket: number,
      proto: IpvsConn['proto'],
      c: [string, number],
      v: [string, number],
      svc: IpvsService,
      daddr: string,
      dport: number,
      state: IpvsConnState,
      seconds: number,
    ): void => {
      const expires = d.sim.now + Math.round(seconds * SEC);
      const x: IpvsConn = {
        id: `conn#${bucket}`,
        proto,
        caddr: c[0],
        cport: c[1],
        vaddr: v[0],
        vport: v[1],
        daddr,
        dport,
        dest: dest(svc, daddr),
        svc,
        control: undefined,
        fwd: 'masq',
        state,
        inactive: false,
        noOutput: false,
        template: c[1] === 0,
        onePacket: false,
        timeoutUs: expires - d.sim.now,
        expires,
        nControl: 0,
        assured: false,
        bucket,
        created: bucket,
      };
      ipvs.conns.insert(x);
    };
    conn(1, 'TCP', ['172.16.0.5', 51234], ['192.168.0.100', 80], tcp!, '10.0.0.11', 80, 'ESTABLISHED', 898.5);
    conn(2, 'TCP', ['172.16.0.5', 0], ['192.168.0.100', 80], tcp!, '10.0.0.11', 80, 'NONE', 359.2);
    conn(3, 'UDP', ['172.16.0.5', 40000], ['192.168.0.100', 53], udp!, '10.0.0.21', 53, 'UDP', 299.9);
    conn(4, 'IP', ['172.16.0.0', 0], ['0.0.0.1', 0], fwm!, '10.0.0.31', 0, 'NONE', 599.5);
    expect(d.ipvsadm('-Lnc').out).toBe(
      'IPVS connection entries\n' +
        'pro expire state       source             virtual            destination\n' +
        'TCP 14:58  ESTABLISHED 172.16.0.5:51234   192.168.0.100:80   10.0.0.11:80\n' +
        'TCP 05:59  NONE        172.16.0.5:0       192.168.0.100:80   10.0.0.11:80\n' +
        'UDP 04:59  UDP         172.16.0.5:40000   192.168.0.100:53   10.0.0.21:53\n' +
        'IP  09:59  NONE        172.16.0.0:0       0.0.0.1:0          10.0.0.31:0\n',
    );
    // Without -n TCP/UDP ports get names; the IP template's ports never do.
    expect(d.ipvsadm('-lc').out.split('\n')[2]).toBe(
      'TCP 14:58  ESTABLISHED 172.16.0.5:51234   192.168.0.100:http 10.0.0.11:http',
    );
    expect(d.ipvsadm('-lc').out.split('\n')[5]).toBe(
      'IP  09:59  NONE        172.16.0.0:0       0.0.0.1:0          10.0.0.31:0',
    );
  });
});
