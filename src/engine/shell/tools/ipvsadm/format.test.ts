/** Number columns and the less common list formats (ipvsadm 1.31). */
import { describe, expect, test } from 'vitest';
import { ipvsOf } from '../../../ipvs/ipvs';
import { Director } from '../../../testing/director';
import { largenum } from './largenum';

describe('print_largenum', () => {
  test('abbreviation steps', () => {
    expect(largenum(99999999, false)).toBe(' 99999999');
    expect(largenum(100000000, false)).toBe('  100000K');
    expect(largenum(999999999, false)).toBe('  999999K');
    expect(largenum(1000000000, false)).toBe('    1000M');
    expect(largenum(99999999999, false)).toBe('   99999M');
    expect(largenum(100000000000, false)).toBe('     100G');
    expect(largenum(100000000000000, false)).toBe('     100T');
  });
  test('--exact: width 9, or one more than the digits', () => {
    expect(largenum(0, true)).toBe('        0');
    expect(largenum(12345678, true)).toBe(' 12345678');
    expect(largenum(123456789, true)).toBe(' 123456789');
    expect(largenum(1234567890123, true)).toBe(' 1234567890123');
  });
});

describe('list formats', () => {
  const director = (): Director =>
    new Director().setup(
      '-A -t 10.0.0.1:80 -s rr',
      '-a -t 10.0.0.1:80 -r 10.0.1.1 -i --tun-type gue --tun-port 6080 --tun-remcsum',
      '-a -t 10.0.0.1:80 -r 10.0.1.2 -i --tun-type gre --tun-csum',
      '-a -t 10.0.0.1:80 -r 10.0.1.3 -i',
    );

  test('--tun-info and the tunnel rules of -S', () => {
    const d = director();
    expect(d.ipvsadm('-Ln --tun-info').out.split('\n').slice(1, -1)).toEqual([
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn',
      'TCP  10.0.0.1:80 rr',
      '  -> 10.0.1.1:80                  Tunnel  gue:6080:r+c  1      0          0         ',
      '  -> 10.0.1.2:80                  Tunnel  gre:+c        1      0          0         ',
      '  -> 10.0.1.3:80                  Tunnel  ipip          1      0          0         ',
    ]);
    expect(d.ipvsadm('-Sn').out).toBe(
      '-A -t 10.0.0.1:80 -s rr\n' +
        '-a -t 10.0.0.1:80 -r 10.0.1.1:80 -i -w 1 --tun-type gue --tun-port 6080 --tun-remcsum\n' +
        '-a -t 10.0.0.1:80 -r 10.0.1.2:80 -i -w 1 --tun-type gre --tun-csum\n' +
        '-a -t 10.0.0.1:80 -r 10.0.1.3:80 -i -w 1 --tun-type ipip\n',
    );
  });

  test('--rate: service values abbreviated, dest pps columns plain %8llu', () => {
    const d = director();
    const svc = ipvsOf(d.host).services[0]!;
    // est values chosen so rates() gives cps 3, inpps 120, outpps 0, inbps 123456789, outbps 0.
    Object.assign(svc.stats.est, { cps: 3 * 1024, inpps: 120 * 1024, inbps: 123456789 * 32 });
    // dests[0] is the list head, 10.0.1.3, which sorts last.
    Object.assign(svc.dests[0]!.stats.est, { cps: 3 * 1024, inpps: 120 * 1024, inbps: 123456789 * 32 });
    const lines = d.ipvsadm('-Ln --rate').out.split('\n');
    expect(lines[1]).toBe('Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS');
    expect(lines[3]).toBe('TCP  10.0.0.1:80                         3      120        0  123456K        0');
    expect(lines[4]).toBe('  -> 10.0.1.1:80                         0        0        0        0        0');
    expect(lines[6]).toBe('  -> 10.0.1.3:80                         3      120        0  123456K        0');
    expect(d.ipvsadm('-Ln --rate --exact').out.split('\n')[3]).toBe(
      'TCP  10.0.0.1:80                         3      120        0 123456789        0',
    );
  });

  test('--persistent-conn with -c: the pe columns in the header', () => {
    expect(new Director().ipvsadm('-Lnc --persistent-conn').out).toBe(
      'IPVS connection entries\n' +
        'pro expire state       source             virtual            destination        pe name          pe_data\n',
    );
  });
});
