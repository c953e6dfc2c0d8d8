/**
 * The seed article's DR steps typed into the real lab shell (createShell over createHostFs and
 * the network tools): the real-server script through a heredoc, `chmod +x`, /proc/sys writes,
 * the lo:1 alias, and the client's curl loop.
 */
import { describe, expect, it } from 'vitest';
import { SEC } from '../../core/sim';
import { LabRuntime } from '../../runtime/labRuntime';

const RS_SCRIPT = `cat > lvs_dr_rs.sh <<'EOF'
#!/bin/bash
vip=192.168.99.188
mask='255.255.255.255'
dev=lo:1
case $1 in
start)
    echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore
    echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore
    echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce
    echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce
    ifconfig $dev $vip netmask $mask #broadcast $vip up
    echo "The RS Server is Ready!"
    ;;
stop)
    ifconfig $dev down
    echo 0 > /proc/sys/net/ipv4/conf/all/arp_ignore
    echo "The RS Server is Canceled!"
    ;;
esac
EOF
`;

/** A bare DR lab driven the way the browser and the CLI drive it: LabRuntime.exec. */
class Terminal {
  readonly rt = LabRuntime.create('dr', { bare: true });

  run(host: string, source: string, maxS = 30): { out: string; err: string; status: number } {
    const r = this.rt.exec({ host, command: source, maxTimeUs: maxS * SEC });
    return { out: r.stdout, err: r.stderr, status: r.exit };
  }
}

describe('the seed DR real-server script through the lab shell', () => {
  it('needs chmod +x to run as ./script, then configures the real server', () => {
    const t = new Terminal();
    expect(t.run('rs1', RS_SCRIPT).status).toBe(0);
    expect(t.run('rs1', './lvs_dr_rs.sh start')).toMatchObject({
      status: 126,
      err: 'bash: ./lvs_dr_rs.sh: Permission denied\n',
    });
    expect(t.run('rs1', 'chmod +x lvs_dr_rs.sh').status).toBe(0);
    expect(t.run('rs1', './lvs_dr_rs.sh start')).toMatchObject({
      status: 0,
      out: 'The RS Server is Ready!\n',
      err: '',
    });
    const h = t.rt.net.host('rs1');
    expect(h.sysctl.get('net.ipv4.conf.all.arp_ignore')).toBe(1);
    expect(h.sysctl.get('net.ipv4.conf.lo.arp_announce')).toBe(2);
    expect(t.run('rs1', 'ip -4 a s lo').out).toContain('inet 192.168.99.188/32 scope global lo:1');
    expect(t.run('rs1', 'cat /proc/sys/net/ipv4/conf/all/arp_ignore').out).toBe('1\n');
    expect(t.run('rs1', 'bash lvs_dr_rs.sh stop').out).toBe('The RS Server is Canceled!\n');
    expect(h.isLocalAddr('192.168.99.188')).toBe(false);
  });

  it('writes to /proc/sys fail like the kernel', () => {
    const t = new Terminal();
    expect(t.run('rs1', 'echo 1 > /proc/sys/net/ipv4/conf/all/nothere').err).toBe(
      'bash: /proc/sys/net/ipv4/conf/all/nothere: No such file or directory\n',
    );
  });

  it('the NAT lab: sysctl.conf through echo >>, sysctl -p, then the client loop', () => {
    const t = new Terminal();
    expect(t.run('router', "echo 'net.ipv4.ip_forward=1' >> /etc/sysctl.conf").status).toBe(0);
    expect(t.run('router', 'sysctl -p')).toMatchObject({ status: 0, out: 'net.ipv4.ip_forward = 1\n' });
    const loop = t.run('client', 'for i in 1 2; do curl 192.168.99.140 ; sleep 0.5 ; done');
    expect(loop).toMatchObject({ status: 0, out: 'rs1\nrs1\n' });
  });
});
