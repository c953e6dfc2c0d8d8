import { describe, expect, it } from 'vitest';
import { createHostFs } from '../hostFs';
import { TestLab } from '../../testing/testLab';

describe('sysctl', () => {
  it('-w prints KEY = VAL and changes the host', () => {
    const s = new TestLab('dr');
    expect(s.sh('router', 'sysctl -w net.ipv4.ip_forward=1')).toMatchObject({
      status: 0,
      out: 'net.ipv4.ip_forward = 1\n',
      err: '',
    });
    expect(s.host('router').sysctl.get('net.ipv4.ip_forward')).toBe(1);
    expect(s.ok('router', 'sysctl net.ipv4.conf.eth0.forwarding')).toBe(
      'net.ipv4.conf.eth0.forwarding = 1\n',
    );
    expect(s.ok('router', 'sysctl -n net/ipv4/ip_forward')).toBe('1\n');
    expect(s.ok('router', 'sysctl -q -w net.ipv4.conf.all.arp_ignore=1')).toBe('');
  });

  it('-p applies /etc/sysctl.conf, skipping comments and blank lines (the seed NAT step)', () => {
    const s = new TestLab('nat');
    const fs = createHostFs(s.host('director'));
    fs.write(
      '/etc/sysctl.conf',
      '# forward\n\nnet.ipv4.ip_forward=1\n; old\nnet.ipv4.conf.all.arp_announce = 2\n',
      false,
    );
    expect(s.sh('director', 'sysctl -p')).toMatchObject({
      status: 0,
      out: 'net.ipv4.ip_forward = 1\nnet.ipv4.conf.all.arp_announce = 2\n',
      err: '',
    });
    expect(s.host('director').sysctl.get('net.ipv4.conf.all.arp_announce')).toBe(2);
  });

  it('-p with the lab empty sysctl.conf prints nothing', () => {
    expect(new TestLab('dr').sh('router', 'sysctl -p')).toMatchObject({ status: 0, out: '', err: '' });
  });

  it('-p reports a bad line and carries on', () => {
    const s = new TestLab('dr');
    createHostFs(s.host('router')).write(
      '/etc/sysctl.conf',
      'net.ipv4.foo = 1\nnet.ipv4.ip_forward = 1\nbogus\n',
      false,
    );
    const r = s.sh('router', 'sysctl -p');
    expect(r.out).toBe('net.ipv4.ip_forward = 1\n');
    expect(r.err).toBe(
      'sysctl: cannot stat /proc/sys/net/ipv4/foo: No such file or directory\nsysctl: /etc/sysctl.conf(3): invalid syntax, continuing...\n',
    );
    expect(r.status).toBe(255);
  });

  it('-a lists every key sorted', () => {
    const out = new TestLab('dr').ok('client', 'sysctl -a');
    const keys = out
      .trim()
      .split('\n')
      .map((l) => l.split(' = ')[0] ?? '');
    expect(keys).toEqual([...keys].sort());
    expect(out).toContain('net.ipv4.conf.default.rp_filter = 1\n');
    expect(out).toContain('net.ipv4.conf.eth0.rp_filter = 1\n');
  });

  it.each([
    ['sysctl net.ipv4.foo', 255, 'sysctl: cannot stat /proc/sys/net/ipv4/foo: No such file or directory\n'],
    [
      'sysctl -w net.ipv4.foo=1',
      255,
      'sysctl: cannot stat /proc/sys/net/ipv4/foo: No such file or directory\n',
    ],
    ['sysctl -w net.ipv4.ip_forward', 255, 'sysctl: "net.ipv4.ip_forward" must be of the form name=value\n'],
    ['sysctl -w net.ipv4.ip_forward=', 254, 'sysctl: Malformed setting "net.ipv4.ip_forward="\n'],
    [
      'sysctl -w net.ipv4.ip_forward=yes',
      255,
      'sysctl: setting key "net.ipv4.ip_forward": Invalid argument\n',
    ],
    ['sysctl -p /etc/nothere', 255, 'sysctl: cannot open "/etc/nothere": No such file or directory\n'],
    ['sysctl -z', 1, "sysctl: invalid option -- 'z'\n"],
  ])('%s → exit %i', (line, status, err) => {
    const s = new TestLab('dr');
    const r = s.sh('router', line);
    expect(r.err.startsWith(err)).toBe(true);
    expect(r.status).toBe(status);
    expect(s.host('router').sysctl.get('net.ipv4.ip_forward')).toBe(0);
  });

  it('-e ignores unknown keys', () => {
    expect(new TestLab('dr').sh('router', 'sysctl -e net.ipv4.foo')).toMatchObject({
      status: 0,
      out: '',
      err: '',
    });
  });
});
