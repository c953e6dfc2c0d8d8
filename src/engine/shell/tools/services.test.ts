import { describe, expect, it } from 'vitest';
import { SEC } from '../../core/sim';
import { createHostFs } from '../hostFs';
import { TestLab } from '../../testing/testLab';

describe('systemctl', () => {
  it('status of the lab httpd, started at boot', () => {
    const s = new TestLab('dr');
    s.run(300);
    const r = s.sh('rs1', 'systemctl status httpd');
    expect(r.status).toBe(0);
    expect(r.out).toBe(
      [
        '● httpd.service - The Apache HTTP Server',
        '   Loaded: loaded (/usr/lib/systemd/system/httpd.service; enabled; vendor preset: disabled)',
        '   Active: active (running) since Mon 2019-08-05 08:00:00 UTC; 5min ago',
        '     Docs: man:httpd(8)',
        '           man:apachectl(8)',
        ' Main PID: 1031 (httpd)',
        '   CGroup: /system.slice/httpd.service',
        '           ├─1031 /usr/sbin/httpd -DFOREGROUND',
        '           ├─1032 /usr/sbin/httpd -DFOREGROUND',
        '           ├─1033 /usr/sbin/httpd -DFOREGROUND',
        '           ├─1034 /usr/sbin/httpd -DFOREGROUND',
        '           ├─1035 /usr/sbin/httpd -DFOREGROUND',
        '           └─1036 /usr/sbin/httpd -DFOREGROUND',
        '',
        'Aug 05 08:00:00 rs1 systemd[1]: Starting The Apache HTTP Server...',
        'Aug 05 08:00:00 rs1 systemd[1]: Started The Apache HTTP Server.',
        '',
      ].join('\n'),
    );
  });

  it('stop makes curl fail with Connection refused; start brings it back', () => {
    const s = new TestLab('dr');
    s.ok('router', 'sysctl -w net.ipv4.ip_forward=1');
    expect(s.sh('rs1', 'systemctl stop httpd')).toMatchObject({ status: 0, out: '', err: '' });
    expect(s.sh('client', 'curl 192.168.99.140').err).toBe(
      'curl: (7) Failed connect to 192.168.99.140:80; Connection refused\n',
    );
    expect(s.sh('rs1', 'systemctl is-active httpd')).toMatchObject({ status: 3, out: 'inactive\n' });
    const st = s.sh('rs1', 'systemctl status httpd.service');
    expect(st.status).toBe(3);
    expect(st.out).toContain('   Active: inactive (dead) since Mon 2019-08-05 08:00:00 UTC; ');
    expect(st.out).toContain(' Main PID: 1031 (code=exited, status=0/SUCCESS)\n');
    s.run(1);
    s.ok('rs1', 'systemctl start httpd');
    expect(s.ok('client', 'curl 192.168.99.140')).toBe('rs1\n');
    expect(s.ok('rs1', 'systemctl is-active httpd')).toBe('active\n');
  });

  it('uses the Listen port of httpd.conf (the NAT lab serves 888)', () => {
    const s = new TestLab('nat');
    s.ok('rs1', 'systemctl restart httpd');
    expect(s.ok('rs1', 'ss -ntl')).toContain(':::888');
    createHostFs(s.host('rs1')).write(
      '/etc/httpd/conf/httpd.conf',
      'ServerRoot "/etc/httpd"\nListen 8080\n',
      false,
    );
    s.ok('rs1', 'systemctl restart httpd');
    expect(s.ok('rs1', 'ss -ntl')).toContain(':::8080');
  });

  it('enable/disable and the service redirect', () => {
    const s = new TestLab('dr');
    expect(s.sh('rs1', 'systemctl disable httpd')).toMatchObject({
      status: 0,
      err: 'Removed symlink /etc/systemd/system/multi-user.target.wants/httpd.service.\n',
    });
    expect(s.sh('rs1', 'systemctl is-enabled httpd')).toMatchObject({ status: 1, out: 'disabled\n' });
    const r = s.sh('rs1', 'service httpd stop');
    expect(r).toMatchObject({ status: 0, err: 'Redirecting to /bin/systemctl stop  httpd.service\n' });
    expect(s.ok('rs1', 'systemctl stop firewalld')).toBe('');
  });

  it.each([
    ['systemctl start httpd', 5, 'Failed to start httpd.service: Unit not found.\n'],
    ['systemctl status httpd', 4, 'Unit httpd.service could not be found.\n'],
    ['systemctl stop httpd', 5, 'Failed to stop httpd.service: Unit httpd.service not loaded.\n'],
    ['systemctl frob httpd', 1, "Unknown operation 'frob'.\n"],
    ['systemctl start', 1, 'Too few arguments.\n'],
    ['systemctl enable nothere', 1, 'Failed to execute operation: No such file or directory\n'],
  ])('%s on a host without httpd → exit %i', (line, status, err) => {
    const r = new TestLab('dr').sh('client', line);
    expect(r.err).toBe(err);
    expect(r.status).toBe(status);
  });
});

describe('yum', () => {
  it('installs httpd on the client (nothing is fetched) and reports installed packages', () => {
    const s = new TestLab('dr');
    const r = s.sh('client', 'yum install -y httpd');
    expect(r.status).toBe(0);
    expect(r.out.endsWith('Installed:\n  httpd.x86_64 0:2.4.6-88.el7.centos\n\nComplete!\n')).toBe(true);
    expect(createHostFs(s.host('client')).isDir('/var/www/html')).toBe(true);
    expect(s.sh('client', 'systemctl start httpd').status).toBe(0);
    expect(s.ok('client', 'ss -ntl')).toContain(':::80');
    expect(s.ok('rs1', 'yum -y install httpd')).toContain(
      'Package httpd-2.4.6-88.el7.centos.x86_64 already installed and latest version\nNothing to do\n',
    );
  });

  it('unknown packages and a refused prompt', () => {
    const s = new TestLab('dr');
    expect(s.sh('client', 'yum install -y nosuch')).toMatchObject({
      status: 1,
      err: 'Error: Nothing to do\n',
    });
    expect(s.sh('client', 'yum install -y nosuch').out).toContain('No package nosuch available.\n');
    const r = s.sh('client', 'yum install httpd');
    expect(r.status).toBe(1);
    expect(r.out).toContain('Is this ok [y/d/N]: Exiting on user command\n');
    expect(s.host('client').modules.has('httpd')).toBe(false);
    expect(s.sh('client', 'yum')).toMatchObject({ status: 1, err: 'You need to give some command\n' });
  });
});

describe('modprobe, lsmod, hostname, uname', () => {
  it('modprobe ipip registers tunl0 with rp_filter from conf.default', () => {
    const s = new TestLab('tun');
    expect(s.sh('rs1', 'modprobe ipip')).toMatchObject({ status: 0, out: '', err: '' });
    const h = s.host('rs1');
    expect(h.devices.get('tunl0')).toMatchObject({ kind: 'ipip', mtu: 1480, up: false });
    expect(h.sysctl.get('net.ipv4.conf.tunl0.rp_filter')).toBe(1);
    expect(s.ok('rs1', 'lsmod')).toBe(
      'Module                  Size  Used by\nipip                   13465  0 \nip_tunnel              25163  1 ipip\ntunnel4                13252  1 ipip\n',
    );
    s.ok('rs1', 'modprobe ipip');
    expect([...h.devices.keys()]).toEqual(['lo', 'eth0', 'tunl0']);
  });

  it('modprobe ip_vs loads IPVS quietly', () => {
    const s = new TestLab('dr');
    expect(s.sh('director', 'modprobe ip_vs')).toMatchObject({ status: 0, out: '', err: '' });
    expect(s.host('director').sysctl.has('net.ipv4.vs.conntrack')).toBe(true);
    expect(s.ok('director', 'lsmod')).toContain('\nip_vs                 145497  0 \n');
  });

  it.each([
    ['modprobe foo', 'modprobe: FATAL: Module foo not found.\n'],
    ['modprobe', 'modprobe: ERROR: missing parameters. See -h.\n'],
  ])('%s → exit 1', (line, err) => {
    expect(new TestLab('dr').sh('rs1', line)).toMatchObject({ status: 1, err });
  });

  it('hostname and uname', () => {
    const s = new TestLab('dr');
    s.ok('director', 'ip addr add 192.168.99.188/32 dev eth0');
    expect(s.ok('director', 'hostname')).toBe('director\n');
    expect(s.ok('director', 'hostname -I')).toBe('192.168.99.120 192.168.99.188 \n');
    expect(s.ok('director', 'uname -r')).toBe('3.10.0-957.el7.x86_64\n');
    expect(s.ok('director', 'uname -a')).toBe(
      'Linux director 3.10.0-957.el7.x86_64 #1 SMP Thu Nov 8 23:39:32 UTC 2018 x86_64 x86_64 x86_64 GNU/Linux\n',
    );
    expect(s.sh('director', 'uname -q').status).toBe(1);
  });
});

it('the lab clock is used for status ages', () => {
  const s = new TestLab('dr');
  s.run(3 * 3600 + 7 * 60);
  expect(s.sim.now).toBe((3 * 3600 + 7 * 60) * SEC);
  expect(s.ok('rs1', 'systemctl status httpd')).toContain('since Mon 2019-08-05 08:00:00 UTC; 3h 7min ago\n');
});
