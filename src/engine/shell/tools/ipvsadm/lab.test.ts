/** The seed's experiments on the real lab hosts, through the shell's host file system. */
import { describe, expect, test } from 'vitest';
import { TestLab } from '../../../testing/testLab';

function ipvsadm(lab: TestLab, line: string): { out: string; err: string; status: number } {
  const r = lab.sh('director', ['ipvsadm', ...line.split(' ')]);
  return { out: r.out, err: r.err, status: r.status };
}

describe('NAT lab', () => {
  test("the seed's three commands, then ipvsadm -Ln", () => {
    const lab = new TestLab('nat');
    for (const l of [
      '-A -t 172.16.132.18:80 -s rr',
      '-a -t 172.16.132.18:80 -r 192.168.99.130:888 -m',
      '-a -t 172.16.132.18:80 -r 192.168.99.140:888 -m',
    ])
      expect(ipvsadm(lab, l)).toEqual({ out: '', err: '', status: 0 });
    expect(ipvsadm(lab, '-Ln').out).toBe(
      'IP Virtual Server version 1.2.1 (size=4096)\n' +
        'Prot LocalAddress:Port Scheduler Flags\n' +
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n' +
        'TCP  172.16.132.18:80 rr\n' +
        '  -> 192.168.99.130:888           Masq    1      0          0         \n' +
        '  -> 192.168.99.140:888           Masq    1      0          0         \n',
    );
    // Without -n: the VIP is the director's own address (nss-myhostname), 888 is accessbuilder.
    expect(ipvsadm(lab, '-L').out.split('\n').slice(3, 5)).toEqual([
      'TCP  director:http rr',
      '  -> 192.168.99.130:accessbuilder Masq    1      0          0         ',
    ]);
    const saved = lab.sh('director', 'ipvsadm-save -n');
    expect(saved.out).toBe(
      '-A -t 172.16.132.18:80 -s rr\n' +
        '-a -t 172.16.132.18:80 -r 192.168.99.130:888 -m -w 1\n' +
        '-a -t 172.16.132.18:80 -r 192.168.99.140:888 -m -w 1\n',
    );
  });
});

describe('DR lab', () => {
  test('DR cannot map ports: -r 192.168.99.140:8080 -g is stored as port 80', () => {
    const lab = new TestLab('dr');
    ipvsadm(lab, '-A -t 192.168.99.188:80 -s rr');
    ipvsadm(lab, '-a -t 192.168.99.188:80 -r 192.168.99.140:8080 -g');
    ipvsadm(lab, '-a -t 192.168.99.188:80 -r 192.168.99.150 -g');
    expect(ipvsadm(lab, '-Ln').out.split('\n').slice(3)).toEqual([
      'TCP  192.168.99.188:80 rr',
      '  -> 192.168.99.140:80            Route   1      0          0         ',
      '  -> 192.168.99.150:80            Route   1      0          0         ',
      '',
    ]);
  });
});
