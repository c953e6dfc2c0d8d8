import { describe, expect, it } from 'vitest';
import { TestLab } from '../../testing/testLab';

const HEADER = 'State       Recv-Q Send-Q Local Address:Port               Peer Address:Port              ';

describe('ss', () => {
  it('-ntl matches the seed layout (httpd on the IPv6 wildcard)', () => {
    const out = new TestLab('dr').ok('rs1', 'ss -ntl');
    expect(out).toBe(
      `${HEADER}\nLISTEN      0      128             :::80                          :::*                  \n`,
    );
    // The seed's header line, byte for byte (its copy dropped trailing blanks).
    expect(out.split('\n')[0]?.trimEnd()).toBe(
      'State       Recv-Q Send-Q Local Address:Port               Peer Address:Port',
    );
  });

  it('-nt shows connections, -p the owning processes', () => {
    const s = new TestLab('dr');
    s.ok('router', 'sysctl -w net.ipv4.ip_forward=1');
    s.ok('client', 'curl 192.168.99.140');
    s.run(0.01);
    expect(s.ok('client', 'ss -nt')).toBe(`${HEADER}\n`);
    expect(s.ok('client', 'ss -nta')).toContain(
      'TIME-WAIT   0      0      172.16.132.78:57410              192.168.99.140:80                 \n',
    );
    expect(s.ok('rs1', 'ss -ntlp')).toContain('users:(("httpd",pid=1031,fd=4),("httpd",pid=1032,fd=4)');
    expect(s.ok('rs1', 'ss -tl')).toContain(':::http ');
  });

  it('state filter and errors', () => {
    const s = new TestLab('dr');
    // One state selected: ss drops the State column, as ss.c does.
    expect(s.ok('rs1', 'ss -nt state listening')).toBe(
      'Recv-Q Send-Q    Local Address:Port                   Peer Address:Port              \n0      128                  :::80                               :::*                  \n',
    );
    expect(s.sh('rs1', 'ss -nt state bogus')).toMatchObject({
      status: 255,
      err: 'ss: wrong state name: bogus\n',
    });
    expect(s.sh('rs1', 'ss -Z')).toMatchObject({ status: 1 });
    expect(s.sh('rs1', 'ss -y').err.split('\n')[0]).toBe("ss: invalid option -- 'y'");
  });
});

describe('ss -s', () => {
  it('prints the summary as iproute2 4.11 does, TIME-WAIT counted', () => {
    const s = new TestLab('dr');
    s.ok('router', 'sysctl -w net.ipv4.ip_forward=1');
    s.ok('client', 'curl 192.168.99.140');
    s.run(0.01);
    expect(s.ok('client', 'ss -s')).toBe(
      [
        'Total: 0 (kernel 0)',
        'TCP:   1 (estab 0, closed 1, orphaned 0, synrecv 0, timewait 1/0), ports 0',
        '',
        'Transport Total     IP        IPv6',
        '*\t  0         -         -        ',
        'RAW\t  0         0         0        ',
        'UDP\t  0         0         0        ',
        'TCP\t  0         0         0        ',
        'INET\t  0         0         0        ',
        'FRAG\t  0         0         0        ',
        '',
        '',
      ].join('\n'),
    );
    expect(s.ok('rs1', 'ss -s')).toContain('TCP\t  1         0         1        \n');
  });
});
