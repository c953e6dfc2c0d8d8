/** ipvsadm's implicit rules, orderings and the commands that change state (ipvsadm 1.31, ip_vs_ctl.c). */
import { describe, expect, test } from 'vitest';
import { ipvsOf } from '../../../ipvs/ipvs';
import { Director } from '../../../testing/director';

const VS = '-t 192.168.99.188:80';
const rows = (out: string): string[] => out.split('\n').slice(3, -1);

describe('implicit behaviour', () => {
  test('the default scheduler is wlc and a bare -p means 360 s', () => {
    const d = new Director().setup(`-A ${VS} -p`);
    expect(rows(d.ipvsadm('-Ln').out)).toEqual(['TCP  192.168.99.188:80 wlc persistent 360']);
  });

  test('-p takes its optional argument only when the next word is not an option', () => {
    const d = new Director().setup(
      `-A ${VS} -p -s rr`,
      '-A -t 192.168.99.188:81 -p600',
      '-A -t 192.168.99.188:82 -p=90',
    );
    expect(d.ipvsadm('-Sn').out).toBe(
      '-A -t 192.168.99.188:80 -s rr -p 360\n-A -t 192.168.99.188:81 -s wlc -p 600\n-A -t 192.168.99.188:82 -s wlc -p 90\n',
    );
  });

  test('-E replaces everything: without -s it is wlc again, without -p persistence goes', () => {
    const d = new Director().setup(`-A ${VS} -s rr -p 600 -M 255.255.255.0`, `-E ${VS}`);
    expect(d.ipvsadm('-Sn').out).toBe('-A -t 192.168.99.188:80 -s wlc\n');
  });

  test('-e replaces everything: without -w weight 1, without -g/-i/-m DR, thresholds back to 0', () => {
    const d = new Director().setup(
      `-A ${VS} -s rr`,
      `-a ${VS} -r 192.168.99.140:80 -m -w 5 -x 10 -y 2`,
      `-e ${VS} -r 192.168.99.140:80`,
    );
    expect(rows(d.ipvsadm('-Ln --thresholds').out)).toEqual([
      'TCP  192.168.99.188:80 rr',
      '  -> 192.168.99.140:80            0          0          0          0         ',
    ]);
    expect(d.ipvsadm('-Sn').out).toContain('-r 192.168.99.140:80 -g -w 1\n');
  });

  test('DR and TUN force the service port: -r 192.168.99.140:8080 -g lists as :80', () => {
    const d = new Director().setup(
      `-A ${VS} -s rr`,
      `-a ${VS} -r 192.168.99.140:8080 -g`,
      `-a ${VS} -r 10.10.1.10:8080 -i`,
    );
    // 192.168.99.140 - 10.10.1.10 overflows an int: the 192 address sorts first.
    expect(rows(d.ipvsadm('-Ln').out)).toEqual([
      'TCP  192.168.99.188:80 rr',
      '  -> 192.168.99.140:80            Route   1      0          0         ',
      '  -> 10.10.1.10:80                Tunnel  1      0          0         ',
    ]);
  });

  test('a real server without a port gets the service port; NAT keeps the port typed', () => {
    const d = new Director().setup(
      `-A ${VS}`,
      `-a ${VS} -r 192.168.99.130 -m`,
      `-a ${VS} -r 192.168.99.131:888 -m`,
    );
    expect(d.ipvsadm('-Sn').out).toContain('-r 192.168.99.130:80 -m -w 1\n');
    expect(d.ipvsadm('-Sn').out).toContain('-r 192.168.99.131:888 -m -w 1\n');
  });

  test('a port-0 service is fine when persistent; fwmark services never need a port', () => {
    const d = new Director().setup('-A -t 192.168.99.188 -p', '-A -f 5');
    expect(rows(d.ipvsadm('-Ln').out)).toEqual(['TCP  192.168.99.188:0 wlc persistent 360', 'FWM  5 wlc']);
  });

  test('scheduler flags: flag-N names except for sh and mh; sh with only flag-3 shows "()"', () => {
    const d = new Director().setup(
      '-A -t 10.0.0.1:80 -s rr -b flag-1,flag-3',
      '-A -t 10.0.0.1:81 -s mh -b mh-fallback,mh-port',
      '-A -t 10.0.0.1:82 -s sh -b flag-3',
    );
    expect(rows(d.ipvsadm('-Ln').out)).toEqual([
      'TCP  10.0.0.1:80 rr (flag-1,flag-3)',
      'TCP  10.0.0.1:81 mh (mh-fallback,mh-port)',
      'TCP  10.0.0.1:82 sh ()',
    ]);
    expect(d.ipvsadm('-Sn').out.split('\n')[2]).toBe('-A -t 10.0.0.1:82 -s sh -b ');
  });
});

describe('order: kernel list vs sorted display', () => {
  test('--nosort shows the kernel list, most recently added first; -L sorts by address', () => {
    const d = new Director().setup(
      `-A ${VS} -s rr`,
      `-a ${VS} -r 192.168.99.140 -g`,
      `-a ${VS} -r 192.168.99.150 -g`,
      `-a ${VS} -r 192.168.99.130 -g`,
    );
    const addr = (out: string): string[] =>
      rows(out)
        .slice(1)
        .map((l) => l.slice(5, 19));
    expect(addr(d.ipvsadm('-Ln --nosort').out)).toEqual([
      '192.168.99.130',
      '192.168.99.150',
      '192.168.99.140',
    ]);
    expect(addr(d.ipvsadm('-Ln').out)).toEqual(['192.168.99.130', '192.168.99.140', '192.168.99.150']);
    expect(addr(d.ipvsadm('-Ln --sort').out)).toEqual(['192.168.99.130', '192.168.99.140', '192.168.99.150']);
  });

  test('the int-difference comparison: 200.0.0.1 sorts before 10.0.0.1', () => {
    const d = new Director().setup(
      '-A -t 10.0.0.1:80',
      '-A -t 200.0.0.1:80',
      '-A -u 10.0.0.1:80',
      '-a -t 10.0.0.1:80 -r 10.0.0.2 -m',
      '-a -t 10.0.0.1:80 -r 200.0.0.2 -m',
    );
    expect(d.ipvsadm('-Sn').out).toBe(
      '-A -t 200.0.0.1:80 -s wlc\n' +
        '-A -t 10.0.0.1:80 -s wlc\n' +
        '-a -t 10.0.0.1:80 -r 200.0.0.2:80 -m -w 1\n' +
        '-a -t 10.0.0.1:80 -r 10.0.0.2:80 -m -w 1\n' +
        '-A -u 10.0.0.1:80 -s wlc\n',
    );
  });

  test('services: fwmark 0 first, then TCP before UDP before SCTP, then address, then port', () => {
    const d = new Director().setup(
      '-A -f 2',
      '-A --sctp-service 10.0.0.1:80',
      '-A -u 10.0.0.1:80',
      '-A -t 10.0.0.2:80',
      '-A -t 10.0.0.1:81',
      '-A -t 10.0.0.1:80',
      '-A -f 1',
    );
    expect(rows(d.ipvsadm('-Ln').out)).toEqual([
      'TCP  10.0.0.1:80 wlc',
      'TCP  10.0.0.1:81 wlc',
      'TCP  10.0.0.2:80 wlc',
      'UDP  10.0.0.1:80 wlc',
      'SCTP 10.0.0.1:80 wlc',
      'FWM  1 wlc',
      'FWM  2 wlc',
    ]);
    const unsorted = rows(d.ipvsadm('-Ln --nosort').out);
    expect([...unsorted].sort()).toEqual([...rows(d.ipvsadm('-Ln').out)].sort());
    // The fwmark hash table is dumped after the address table.
    expect(unsorted.slice(5).every((l) => l.startsWith('FWM'))).toBe(true);
  });
});

describe('state-changing commands', () => {
  test('-D deletes a service, -d a dest, -C everything', () => {
    const d = new Director().setup(`-A ${VS}`, `-a ${VS} -r 192.168.99.140`, '-A -u 10.0.0.1:53');
    d.setup(`-d ${VS} -r 192.168.99.140`);
    expect(d.ipvsadm('-Sn').out).toBe('-A -t 192.168.99.188:80 -s wlc\n-A -u 10.0.0.1:53 -s wlc\n');
    d.setup(`-D ${VS}`);
    expect(d.ipvsadm('-Sn').out).toBe('-A -u 10.0.0.1:53 -s wlc\n');
    d.setup('-C');
    expect(d.ipvsadm('-Sn').out).toBe('');
  });

  test('-Z zeroes one service, or all of them; the all-zero service address means all', () => {
    const d = new Director().setup(`-A ${VS}`, `-a ${VS} -r 192.168.99.140`, '-A -u 10.0.0.1:53');
    const [a, b] = ipvsOf(d.host).services;
    const fill = (): void => {
      a!.stats.counters.conns = 7;
      a!.dests[0]!.stats.counters.inpkts = 9;
      b!.stats.counters.conns = 5;
    };
    fill();
    d.setup(`-Z ${VS}`);
    expect([a!.stats.counters.conns, a!.dests[0]!.stats.counters.inpkts, b!.stats.counters.conns]).toEqual([
      0, 0, 5,
    ]);
    fill();
    d.setup('-Z');
    expect([a!.stats.counters.conns, b!.stats.counters.conns]).toEqual([0, 0]);
    fill();
    d.setup('-Z -t 0.0.0.0:0');
    expect([a!.stats.counters.conns, b!.stats.counters.conns]).toEqual([0, 0]);
  });

  test('--set changes the timeouts; 0 leaves one unchanged', () => {
    const d = new Director().setup('--set 600 60 0');
    expect(d.ipvsadm('-L --timeout').out).toBe('Timeout (tcp tcpfin udp): 600 60 300\n');
  });

  test('sync daemons: start, list (kernel defaults filled in), stop', () => {
    const d = new Director();
    d.net.attach(d.host, 'eth1', 'sync');
    d.setup('--start-daemon backup --mcast-interface eth1 --syncid 7 --sync-maxlen 100');
    d.setup('--start-daemon master --mcast-group 239.1.1.1 --mcast-port 9000 --mcast-ttl 3');
    expect(d.ipvsadm('-L --daemon').out).toBe(
      'master sync daemon (mcast=eth0, syncid=0, maxlen=1472, group=239.1.1.1, port=9000, ttl=3)\n' +
        'backup sync daemon (mcast=eth1, syncid=7, maxlen=1024, group=224.0.0.81, port=8848, ttl=1)\n',
    );
    d.setup('--stop-daemon master');
    expect(d.ipvsadm('-L --daemon').out).toBe(
      'backup sync daemon (mcast=eth1, syncid=7, maxlen=1024, group=224.0.0.81, port=8848, ttl=1)\n',
    );
  });
});

describe('command line forms (popt)', () => {
  test('long options, --opt=value, bundles and -L single-service listing', () => {
    const d = new Director().setup(
      '--add-service --tcp-service=192.168.99.188:http --scheduler rr',
      '-at 192.168.99.188:80 -r192.168.99.140 -mw3',
    );
    expect(d.ipvsadm('-lnt 192.168.99.188:80').out).toBe(
      'Prot LocalAddress:Port Scheduler Flags\n' +
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n' +
        'TCP  192.168.99.188:80 rr\n' +
        '  -> 192.168.99.140:80            Masq    3      0          0         \n',
    );
  });

  test('-h prints the usage on stdout with argv[0] as typed; -v the version line', () => {
    const d = new Director();
    const h = d.ipvsadm(['/usr/sbin/ipvsadm', '--help']);
    expect(h.code).toBe(0);
    expect(h.out.split('\n').slice(0, 3)).toEqual([
      'ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)',
      'Usage:',
      '  /usr/sbin/ipvsadm -A|E virtual-service [-s scheduler] [-p [timeout]] [-M netmask] [--pe persistence_engine] [-b sched-flags]',
    ]);
    expect(h.out).toContain(
      '  --scheduler    -s scheduler         one of rr|wrr|lc|wlc|lblc|lblcr|dh|sh|sed|nq|fo|ovf|mh,\n',
    );
    expect(h.out.endsWith('  --mcast-ttl ttl                     Multicast TTL (default=1)\n')).toBe(true);
    expect(d.ipvsadm('-v')).toEqual({
      code: 0,
      err: '',
      out: 'ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n',
    });
  });

  test("nss-myhostname: the host's own addresses show as its name, and the name is its address", () => {
    const d = new Director().setup('-A -t director:80 -s rr', '-a -t 192.168.0.1:http -r 192.168.0.20 -m');
    expect(rows(d.ipvsadm('-L').out)).toEqual([
      'TCP  director:http rr',
      '  -> 192.168.0.20:http            Masq    1      0          0         ',
    ]);
    expect(rows(d.ipvsadm('-Ln').out)[0]).toBe('TCP  192.168.0.1:80 rr');
    expect(d.ipvsadm('-A -t localhost:80').code).toBe(0);
    expect(d.ipvsadm('-Sn').out).toContain('-A -t 127.0.0.1:80 -s wlc\n');
  });

  test('host names and masks through /etc/hosts; inet_aton forms', () => {
    const d = new Director();
    d.files.set('/etc/hosts', '127.0.0.1 localhost localhost.localdomain\n192.168.99.188 vip\n');
    d.setup(
      '-A -t vip:http -p -M 255.255.255',
      '-a -t vip:80 -r 0x7f.1:8080 -m',
      '-a -t vip:80 -r 3232261002:888 -m',
    );
    expect(rows(d.ipvsadm('-L').out)).toEqual([
      'TCP  vip:http wlc persistent 360 mask 255.255.0.255',
      '  -> localhost:webcache           Masq    1      0          0         ',
      '  -> 192.168.99.138:accessbuilder Masq    1      0          0         ',
    ]);
  });
});
