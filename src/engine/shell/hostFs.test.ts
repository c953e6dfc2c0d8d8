import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/testLab';
import { createHostFs } from './hostFs';

describe('createHostFs', () => {
  it('maps /proc/sys onto the live sysctl tree (the seed `echo 1 > /proc/sys/...`)', () => {
    const lab = new TestLab('dr');
    const host = lab.host('rs1');
    const fs = createHostFs(host);
    expect(fs.read('/proc/sys/net/ipv4/conf/all/arp_ignore')).toBe('0\n');
    expect(fs.checkWrite?.('/proc/sys/net/ipv4/conf/all/arp_ignore')).toBeUndefined();
    expect(fs.write('/proc/sys/net/ipv4/conf/all/arp_ignore', '', false)).toBeUndefined();
    expect(fs.write('/proc/sys/net/ipv4/conf/all/arp_ignore', '1\n', false)).toBeUndefined();
    expect(host.sysctl.get('net.ipv4.conf.all.arp_ignore')).toBe(1);
    expect(fs.write('/proc/sys/net/ipv4/conf/lo/arp_announce', '2\n', true)).toBeUndefined();
    expect(host.sysctl.conf('lo', 'arp_announce')).toBe(2);
    expect(fs.read('/proc/sys/net/ipv4/conf/lo/arp_announce')).toBe('2\n');
  });

  it('rejects bad values and unknown keys as the kernel does', () => {
    const fs = createHostFs(new TestLab('dr').host('rs1'));
    expect(fs.write('/proc/sys/net/ipv4/ip_forward', 'abc\n', false)).toBe('Invalid argument');
    expect(fs.write('/proc/sys/net/ipv4/ip_forward', '\n', false)).toBe('Invalid argument');
    expect(fs.write('/proc/sys/net/ipv4/foo', '1\n', false)).toBe('No such file or directory');
    expect(fs.write('/proc/sys/net/ipv4/foo', '', false)).toBe('No such file or directory');
    expect(fs.checkWrite?.('/proc/sys/net/ipv4/foo')).toBe('No such file or directory');
    expect(fs.write('/proc/sys/net/ipv4', '1\n', false)).toBe('Is a directory');
    expect(fs.write('/proc/sys/net/ipv4/ip_forward', ' 0x1 \n', false)).toBeUndefined();
  });

  it('lists /proc/sys folders', () => {
    const fs = createHostFs(new TestLab('dr').host('rs1'));
    expect(fs.isDir('/proc/sys/net/ipv4/conf')).toBe(true);
    expect(fs.list?.('/proc/sys/net/ipv4/conf')).toEqual(['all', 'default', 'eth0', 'lo']);
    expect(fs.list?.('/proc/sys')).toEqual(['net']);
  });

  it('keeps files in host.files, with folders implied and a CentOS skeleton', () => {
    const host = new TestLab('dr').host('rs1');
    const fs = createHostFs(host);
    expect(fs.read('/var/www/html/index.html')).toBe('rs1\n');
    expect(fs.read('/etc/hostname')).toBe('rs1\n');
    expect(fs.read('/etc/sysctl.conf')).toBe('');
    expect(fs.isDir('/var/www/html')).toBe(true);
    expect(fs.write('/var/www/html/index.html', 'www.140.com\n', false)).toBeUndefined();
    expect(host.files.get('/var/www/html/index.html')).toBe('www.140.com\n');
    expect(fs.write('/etc/sysctl.conf', 'net.ipv4.ip_forward=1\n', true)).toBeUndefined();
    expect(fs.write('/nope/x', 'a', false)).toBe('No such file or directory');
    expect(fs.write('/etc', 'a', false)).toBe('Is a directory');
    expect(fs.write('/etc/hostname/x', 'a', false)).toBe('Not a directory');
    expect(fs.list?.('/')).toContain('root');
  });

  it('has no /var/www on hosts without httpd', () => {
    const fs = createHostFs(new TestLab('dr').host('client'));
    expect(fs.isDir('/var/www/html')).toBe(false);
    expect(fs.write('/var/www/html/index.html', 'x', false)).toBe('No such file or directory');
  });

  it('mkdir, remove and chmod; scripts need +x', () => {
    const host = new TestLab('dr').host('rs1');
    const fs = createHostFs(host);
    expect(fs.mkdir?.('/root/hx')).toBeUndefined();
    expect(fs.mkdir?.('/root/hx')).toBe('File exists');
    expect(fs.write('/root/hx/lvs_dr_rs.sh', '#!/bin/bash\n', false)).toBeUndefined();
    expect(fs.mode?.('/root/hx/lvs_dr_rs.sh')).toBe(0o644);
    expect(fs.chmod?.('/root/hx/lvs_dr_rs.sh', 0o755)).toBeUndefined();
    expect(createHostFs(host).mode?.('/root/hx/lvs_dr_rs.sh')).toBe(0o755);
    expect(fs.remove?.('/root/hx')).toBe('Directory not empty');
    expect(fs.remove?.('/root/hx/lvs_dr_rs.sh')).toBeUndefined();
    expect(fs.remove?.('/root/hx')).toBeUndefined();
    expect(fs.exists('/root/hx')).toBe(false);
    expect(fs.chmod?.('/proc/sys/net/ipv4/ip_forward', 0o777)).toBe('Operation not permitted');
  });
});
