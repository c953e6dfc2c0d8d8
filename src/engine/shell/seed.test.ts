/**
 * The seed article's shell usage, run unchanged on a DR lab's real server and client: its
 * `lvs_dr_rs.sh` (with `start`, `stop` and no argument) and its `while true;do curl ...; sleep 0.5;
 * done` loop. ifconfig and curl are stubs that record their argv: the facts here are what bash
 * hands them.
 */
import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/testLab';
import type { CommandImpl } from './types';

/**
 * Verbatim from the seed (lvs-nat-dr-modes.zh.txt), including the typographic quotes around the
 * netmask that the blog's rendering put there: bash keeps them as part of the value.
 */
const LVS_DR_RS = `#!/bin/bash
#Author:Peter Xu
#Date:2019-08-05
vip=192.168.99.188
mask=‘255.255.255.255‘
dev=lo:1
#rpm -q httpd &> /dev/null || yum -y install httpd &>/dev/null
#service httpd start &> /dev/null && echo "The httpd Server is Ready!"
#echo "<h1>\`hostname\`</h1>" > /var/www/html/index.html

case $1 in
start)
    echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore
    echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore
    echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce
    echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce
    ifconfig $dev $vip netmask $mask #broadcast $vip up
    #route add -host $vip dev $dev
    echo "The RS Server is Ready!"
    ;;
stop)
    ifconfig $dev down
    echo 0 > /proc/sys/net/ipv4/conf/all/arp_ignore
    echo 0 > /proc/sys/net/ipv4/conf/lo/arp_ignore
    echo 0 > /proc/sys/net/ipv4/conf/all/arp_announce
    echo 0 > /proc/sys/net/ipv4/conf/lo/arp_announce
    echo "The RS Server is Canceled!"
    ;;
*)
    echo "Usage: $(basename $0) start|stop"
    exit 1
    ;;
esac
`;

const PROC = '/proc/sys/net/ipv4/conf';
const SYSCTLS = ['all/arp_ignore', 'lo/arp_ignore', 'all/arp_announce', 'lo/arp_announce'];
const HEREDOC = `cat > lvs_dr_rs.sh <<'EOF'\n${LVS_DR_RS}EOF`;

/** rs1 of a bare DR lab, in /root/hx; ifconfig and route record their argv. */
function realServer(withScript = true) {
  const t = new TestLab('dr');
  t.ok('rs1', 'mkdir -p /root/hx');
  const calls = t.recordProgram('rs1', 'ifconfig');
  t.recordProgram('rs1', 'route');
  const cd = t.sh('rs1', 'cd /root/hx');
  if (cd.status !== 0) throw new Error(cd.err);
  if (withScript) t.ok('rs1', HEREDOC);
  return { t, calls };
}

function sysctls(t: TestLab): string[] {
  return SYSCTLS.map((s) => t.ok('rs1', ['cat', `${PROC}/${s}`]));
}

describe("the seed's lvs_dr_rs.sh", () => {
  it('is typed in with a heredoc, then `bash lvs_dr_rs.sh start` configures the real server', () => {
    const { t, calls } = realServer(false);
    expect(t.rt.isComplete('rs1', HEREDOC)).toBe(true);
    expect(t.rt.isComplete('rs1', HEREDOC.slice(0, -4))).toBe(false);
    expect(t.sh('rs1', HEREDOC)).toMatchObject({ status: 0, out: '', err: '' });
    expect(t.ok('rs1', 'cat /root/hx/lvs_dr_rs.sh')).toBe(LVS_DR_RS);

    const r = t.sh('rs1', 'bash lvs_dr_rs.sh start');
    expect(r).toMatchObject({ status: 0, out: 'The RS Server is Ready!\n', err: '' });
    expect(sysctls(t)).toEqual(['1\n', '1\n', '2\n', '2\n']);
    expect(calls).toEqual([['ifconfig', 'lo:1', '192.168.99.188', 'netmask', '‘255.255.255.255‘']]);
  });

  it('undoes it all with stop', () => {
    const { t, calls } = realServer();
    t.sh('rs1', 'bash lvs_dr_rs.sh start');
    const r = t.sh('rs1', 'bash lvs_dr_rs.sh stop');
    expect(r).toMatchObject({ status: 0, out: 'The RS Server is Canceled!\n', err: '' });
    expect(sysctls(t)).toEqual(['0\n', '0\n', '0\n', '0\n']);
    expect(calls[1]).toEqual(['ifconfig', 'lo:1', 'down']);
  });

  it('prints its usage with $(basename $0) and exits 1 otherwise', () => {
    const { t, calls } = realServer();
    expect(t.sh('rs1', 'bash lvs_dr_rs.sh')).toMatchObject({
      status: 1,
      out: 'Usage: lvs_dr_rs.sh start|stop\n',
      err: '',
    });
    expect(t.sh('rs1', 'sh /root/hx/lvs_dr_rs.sh restart')).toMatchObject({
      status: 1,
      out: 'Usage: lvs_dr_rs.sh start|stop\n',
    });
    expect(t.sh('rs1', 'bash ./lvs_dr_rs.sh; echo "status $?"').out).toBe(
      'Usage: lvs_dr_rs.sh start|stop\nstatus 1\n',
    );
    expect(calls).toEqual([]);
  });

  it('runs as ./lvs_dr_rs.sh once it is executable', () => {
    const { t } = realServer();
    expect(t.sh('rs1', './lvs_dr_rs.sh start')).toMatchObject({
      status: 126,
      err: 'bash: ./lvs_dr_rs.sh: Permission denied\n',
    });
    expect(t.sh('rs1', 'chmod +x lvs_dr_rs.sh && ./lvs_dr_rs.sh start')).toMatchObject({
      status: 0,
      out: 'The RS Server is Ready!\n',
    });
  });

  it('says where a missing ifconfig is, as bash would', () => {
    const { t } = realServer();
    t.withoutProgram('rs1', 'ifconfig');
    expect(t.sh('rs1', 'bash lvs_dr_rs.sh start')).toMatchObject({
      status: 0,
      out: 'The RS Server is Ready!\n',
      err: 'lvs_dr_rs.sh: line 17: ifconfig: command not found\n',
    });
  });

  it('fails each write into a missing /proc folder but goes on', () => {
    const { t } = realServer();
    for (const s of SYSCTLS) t.failWrites('rs1', `${PROC}/${s}`);
    const r = t.sh('rs1', 'bash lvs_dr_rs.sh start');
    expect(r.err.split('\n')[0]).toBe(
      'lvs_dr_rs.sh: line 13: /proc/sys/net/ipv4/conf/all/arp_ignore: No such file or directory',
    );
    expect(r.err.split('\n')).toHaveLength(SYSCTLS.length + 1);
    expect(r.out).toBe('The RS Server is Ready!\n');
  });
});

describe("the seed's curl loop", () => {
  /** The DR lab's client, whose curl takes 2 ms of virtual time and answers rs1, rs2, rs1 ... like rr over two. */
  function client() {
    const t = new TestLab('dr');
    const calls: string[][] = [];
    let served = 0;
    const curl: CommandImpl = function* (ctx) {
      calls.push([...ctx.argv]);
      const until = ctx.host.now() + 2_000;
      yield { kind: 'until', done: () => ctx.host.now() >= until, deadlineUs: until };
      ctx.out(`rs${(served++ % 2) + 1}\n`);
      return 0;
    };
    t.withProgram('client', 'curl', curl);
    return { t, calls };
  }

  it('runs until Ctrl-C at the virtual deadline, curling every 0.504 s', () => {
    const { t, calls } = client();
    const r = t.sh('client', 'while true;do curl 172.16.132.18 ; sleep 0.5 ; done', {
      interruptAfterUs: 5_000_000,
    });
    expect(r).toMatchObject({ status: 130, interrupted: true, err: '' });
    expect(r.tookUs).toBe(5_000_000);
    expect(r.out).toBe('rs1\nrs2\n'.repeat(5));
    expect(calls).toHaveLength(10);
    expect(calls[0]).toEqual(['curl', '172.16.132.18']);
    expect(t.ok('client', 'echo $?')).toBe('130\n');
  });

  it('stops inside curl when the deadline falls there', () => {
    const { t, calls } = client();
    // Each pass: curl's process start (1 ms) and 2 ms of curl, sleep's start (1 ms) and 0.5 s.
    const r = t.sh('client', 'while true;do curl 172.16.132.18 ; sleep 0.5 ; done', {
      interruptAfterUs: 506_000,
    });
    expect(r).toMatchObject({ status: 130, out: 'rs1\n', tookUs: 506_000 });
    expect(calls).toHaveLength(2);
  });
});
