import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';
import { getLab } from './registry';

const addrOf = (lab: string, host: string, size = { servers: 8, clients: 8 }) =>
  getLab(lab, size)!.hosts.find((h) => h.name === host)?.ifaces[0]?.addr;

describe('lab size (docs/linux-behaviour.md, "Lab size")', () => {
  test('extra real servers and clients get labs.md addresses', () => {
    expect(['rs1', 'rs2', 'rs3', 'rs4', 'rs8'].map((h) => addrOf('nat', h))).toEqual([
      '192.168.99.130',
      '192.168.99.140',
      '192.168.99.150',
      '192.168.99.160',
      '192.168.99.200',
    ]);
    expect(['rs1', 'rs3', 'rs4', 'rs8'].map((h) => addrOf('dr', h))).toEqual([
      '192.168.99.140',
      '192.168.99.160',
      '192.168.99.170',
      '192.168.99.210',
    ]);
    expect(['rs1', 'rs2', 'rs3', 'rs4', 'rs7', 'rs8'].map((h) => addrOf('tun', h))).toEqual([
      '10.10.1.10',
      '10.10.2.10',
      '10.10.1.11',
      '10.10.2.11',
      '10.10.1.13',
      '10.10.2.13',
    ]);
    for (const lab of ['nat', 'dr', 'tun'])
      expect(['client', 'client2', 'client3', 'client8'].map((h) => addrOf(lab, h))).toEqual([
        '172.16.132.78',
        '172.16.132.79',
        '172.16.132.80',
        '172.16.132.85',
      ]);
  });

  test('host order: the table, then rs3 … rsN, then client2 … clientM; segments and routes', () => {
    const dr = getLab('dr', { servers: 4, clients: 3 })!;
    expect(dr.hosts.map((h) => h.name)).toEqual([
      'client',
      'router',
      'director',
      'rs1',
      'rs2',
      'rs3',
      'rs4',
      'client2',
      'client3',
    ]);
    const tun = getLab('tun', { servers: 4 })!;
    const rs4 = tun.hosts.find((h) => h.name === 'rs4')!;
    expect([rs4.ifaces[0]!.segment, rs4.defaultVia, rs4.httpd]).toEqual(['dc2', '10.10.2.1', 80]);
    const nat = getLab('nat', { servers: 3, clients: 2 })!;
    expect(nat.hosts.find((h) => h.name === 'client2')!.defaultVia).toBe('172.16.132.18');
    expect(nat.hosts.find((h) => h.name === 'rs3')!.httpd).toBe(888);
  });

  test('configured state adds the extra servers with the same method; DR/TUN steps run on them', () => {
    const nat = getLab('nat', { servers: 3 })!.configure.map((s) => `${s.host}# ${s.command}`);
    expect(nat.at(-1)).toBe('director# ipvsadm -a -t 172.16.132.18:80 -r 192.168.99.150:888 -m');
    const dr = getLab('dr', { servers: 3 })!.configure.map((s) => `${s.host}# ${s.command}`);
    expect(dr).toContain('director# ipvsadm -a -t 192.168.99.188:80 -r 192.168.99.160 -g');
    expect(dr.at(-1)).toBe('rs3# ifconfig lo:1 192.168.99.188 netmask 255.255.255.255');
    const tun = getLab('tun', { servers: 4 })!.configure.map((s) => `${s.host}# ${s.command}`);
    expect(tun).toContain('director# ipvsadm -a -t 192.168.99.188:80 -r 10.10.2.11 -i');
    expect(tun.filter((s) => s.startsWith('rs4#'))[0]).toBe('rs4# modprobe ipip');
  });

  test('sizes out of bounds are refused; the default size is the plain table', () => {
    expect(() => getLab('nat', { servers: 9 })).toThrow(/servers must be an integer from 2 to 8/);
    expect(() => getLab('nat', { clients: 0 })).toThrow(/clients/);
    expect(() => getLab('nat', { servers: 2.5 })).toThrow(/servers/);
    expect(getLab('nat', { servers: 2, clients: 1 })).toEqual(getLab('nat'));
  });

  test.each([
    ['nat', '172.16.132.18'],
    ['dr', '192.168.99.188'],
    ['tun', '192.168.99.188'],
  ])('%s: client8 reaches rs8 through the director, MACs follow the host index', (lab, vip) => {
    const rt = LabRuntime.create(lab, { servers: 8, clients: 8 });
    // The kernel adds each destination at the list's head, so rr starts with the last added: rs8.
    const r = rt.exec({ host: 'client8', command: `curl -s ${vip}` });
    expect([r.stdout, r.exit]).toEqual(['rs8\n', 0]);
    expect(rt.exec({ host: 'client8', command: `curl -s ${vip}` }).stdout).toBe('rs7\n');
    const index = rt.def.hosts.findIndex((h) => h.name === 'client8') + 1;
    expect(rt.net.host('client8').devices.get('eth0')!.mac).toBe(
      `52:54:00:00:${index.toString(16).padStart(2, '0')}:00`,
    );
  });
});
