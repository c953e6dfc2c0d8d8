import { TestLab } from './testLab';
import { ipvsService } from './ipvsApi';

/**
 * The labs' configured states, applied through the engine API with the parameters the
 * listed commands carry (the shell runs the same steps from their text).
 */
export function configuredNat(seed = 1): TestLab {
  const l = new TestLab('nat', seed).sysctl('director', 'net.ipv4.ip_forward', 1);
  ipvsService(l.host('director'), '172.16.132.18', 80, 'rr', [
    ['192.168.99.130', 888, 'masq'],
    ['192.168.99.140', 888, 'masq'],
  ]);
  return l;
}

export function configuredDr(seed = 1): TestLab {
  const l = new TestLab('dr', seed).sysctl('router', 'net.ipv4.ip_forward', 1);
  l.host('director').addAddress('eth0', '192.168.99.188', 32);
  ipvsService(l.host('director'), '192.168.99.188', 80, 'rr', [
    ['192.168.99.140', 80, 'route'],
    ['192.168.99.150', 80, 'route'],
  ]);
  for (const rs of ['rs1', 'rs2']) {
    for (const dev of ['all', 'lo'])
      l.sysctl(rs, `net.ipv4.conf.${dev}.arp_ignore`, 1).sysctl(rs, `net.ipv4.conf.${dev}.arp_announce`, 2);
    l.host(rs).addAddress('lo:1', '192.168.99.188', 32);
  }
  return l;
}

export function configuredTun(seed = 1): TestLab {
  const l = new TestLab('tun', seed).sysctl('router', 'net.ipv4.ip_forward', 1);
  l.host('director').addAddress('eth0', '192.168.99.188', 32);
  ipvsService(l.host('director'), '192.168.99.188', 80, 'rr', [
    ['10.10.1.10', 80, 'tunnel'],
    ['10.10.2.10', 80, 'tunnel'],
  ]);
  for (const rs of ['rs1', 'rs2']) {
    const h = l.host(rs);
    h.modules.add('ipip');
    h.addDevice('tunl0', 'ipip', '00:00:00:00:00:00');
    h.setLink('tunl0', true);
    h.addAddress('tunl0', '192.168.99.188', 32);
    l.sysctl(rs, 'net.ipv4.conf.tunl0.rp_filter', 0).sysctl(rs, 'net.ipv4.conf.all.rp_filter', 0);
    l.sysctl(rs, 'net.ipv4.conf.all.arp_ignore', 1).sysctl(rs, 'net.ipv4.conf.all.arp_announce', 2);
  }
  return l;
}
