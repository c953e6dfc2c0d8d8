/**
 * The seed article's shell usage, run unchanged: its `lvs_dr_rs.sh` (with `start`, `stop` and no
 * argument) and its `while true;do curl ...; sleep 0.5; done` loop, against stub commands.
 */
import { describe, expect, it } from 'vitest';
import { createTestShell, stub } from './testKit';
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

function realServer() {
  const files: Record<string, string> = {};
  for (const s of SYSCTLS) files[`${PROC}/${s}`] = '0\n';
  return createTestShell({
    hostname: 'rs1',
    cwd: '/root/hx',
    fs: { files, dirs: ['/root/hx'] },
    commands: (calls) => ({ ifconfig: stub(calls), route: stub(calls) }),
  });
}

function sysctls(t: ReturnType<typeof realServer>): string[] {
  return SYSCTLS.map((s) => t.fs.read(`${PROC}/${s}`) ?? '(missing)');
}

describe("the seed's lvs_dr_rs.sh", () => {
  it('is typed in with a heredoc, then `bash lvs_dr_rs.sh start` configures the real server', () => {
    const t = realServer();
    const typed = `cat > lvs_dr_rs.sh <<'EOF'\n${LVS_DR_RS}EOF`;
    expect(t.shell.isComplete(typed)).toBe(true);
    expect(t.shell.isComplete(typed.slice(0, -4))).toBe(false);
    expect(t.run(typed)).toMatchObject({ status: 0, out: '', err: '' });
    expect(t.fs.read('/root/hx/lvs_dr_rs.sh')).toBe(LVS_DR_RS);

    const r = t.run('bash lvs_dr_rs.sh start');
    expect(r).toMatchObject({ status: 0, out: 'The RS Server is Ready!\n', err: '' });
    expect(sysctls(t)).toEqual(['1\n', '1\n', '2\n', '2\n']);
    expect(t.calls).toEqual([['ifconfig', 'lo:1', '192.168.99.188', 'netmask', '‘255.255.255.255‘']]);
  });

  it('undoes it all with stop', () => {
    const t = realServer();
    t.fs.write('/root/hx/lvs_dr_rs.sh', LVS_DR_RS, false);
    t.run('bash lvs_dr_rs.sh start');
    const r = t.run('bash lvs_dr_rs.sh stop');
    expect(r).toMatchObject({ status: 0, out: 'The RS Server is Canceled!\n', err: '' });
    expect(sysctls(t)).toEqual(['0\n', '0\n', '0\n', '0\n']);
    expect(t.calls[1]).toEqual(['ifconfig', 'lo:1', 'down']);
  });

  it('prints its usage with $(basename $0) and exits 1 otherwise', () => {
    const t = realServer();
    t.fs.write('/root/hx/lvs_dr_rs.sh', LVS_DR_RS, false);
    expect(t.run('bash lvs_dr_rs.sh')).toMatchObject({
      status: 1,
      out: 'Usage: lvs_dr_rs.sh start|stop\n',
      err: '',
    });
    expect(t.run('sh /root/hx/lvs_dr_rs.sh restart')).toMatchObject({
      status: 1,
      out: 'Usage: lvs_dr_rs.sh start|stop\n',
    });
    expect(t.run('bash ./lvs_dr_rs.sh; echo "status $?"').out).toBe(
      'Usage: lvs_dr_rs.sh start|stop\nstatus 1\n',
    );
    expect(t.calls).toEqual([]);
  });

  it('runs as ./lvs_dr_rs.sh once it is executable', () => {
    const t = realServer();
    t.fs.write('/root/hx/lvs_dr_rs.sh', LVS_DR_RS, false);
    expect(t.run('./lvs_dr_rs.sh start')).toMatchObject({
      status: 126,
      err: 'bash: ./lvs_dr_rs.sh: Permission denied\n',
    });
    expect(t.run('chmod +x lvs_dr_rs.sh && ./lvs_dr_rs.sh start')).toMatchObject({
      status: 0,
      out: 'The RS Server is Ready!\n',
    });
  });

  it('says where a missing ifconfig is, as bash would', () => {
    const t = createTestShell({
      cwd: '/root',
      fs: { files: { '/root/lvs_dr_rs.sh': LVS_DR_RS }, dirs: [`${PROC}/all`, `${PROC}/lo`] },
    });
    expect(t.run('bash lvs_dr_rs.sh start')).toMatchObject({
      status: 0,
      out: 'The RS Server is Ready!\n',
      err: 'lvs_dr_rs.sh: line 17: ifconfig: command not found\n',
    });
  });

  it('fails each write into a missing /proc folder but goes on', () => {
    const t = createTestShell({
      fs: { files: { '/root/lvs_dr_rs.sh': LVS_DR_RS } },
      commands: (c) => ({ ifconfig: stub(c) }),
    });
    const r = t.run('bash lvs_dr_rs.sh start');
    expect(r.err.split('\n')[0]).toBe(
      'lvs_dr_rs.sh: line 13: /proc/sys/net/ipv4/conf/all/arp_ignore: No such file or directory',
    );
    expect(r.out).toBe('The RS Server is Ready!\n');
  });
});

describe("the seed's curl loop", () => {
  /** A curl that takes 2 ms of virtual time and answers rs1, rs2, rs1 ... like rr over two servers. */
  function director() {
    let served = 0;
    const t = createTestShell({
      hostname: 'client',
      commands: (calls) => {
        const curl: CommandImpl = function* (ctx) {
          calls.push([...ctx.argv]);
          const until = ctx.host.now() + 2_000;
          yield { kind: 'until', done: () => ctx.host.now() >= until, deadlineUs: until };
          ctx.out(`rs${(served++ % 2) + 1}\n`);
          return 0;
        };
        return { curl };
      },
    });
    return t;
  }

  it('runs until Ctrl-C at the virtual deadline, curling every 0.504 s', () => {
    const t = director();
    const r = t.run('while true;do curl 172.16.132.18 ; sleep 0.5 ; done', { deadlineUs: 5_000_000 });
    expect(r).toMatchObject({ status: 130, interrupted: true, err: '' });
    expect(r.tookUs).toBe(5_000_000);
    expect(r.out).toBe('rs1\nrs2\n'.repeat(5));
    expect(t.calls).toHaveLength(10);
    expect(t.calls[0]).toEqual(['curl', '172.16.132.18']);
    expect(t.run('echo $?').out).toBe('130\n');
  });

  it('stops inside curl when the deadline falls there', () => {
    const t = director();
    // Each pass: curl's process start (1 ms) and 2 ms of curl, sleep's start (1 ms) and 0.5 s.
    const r = t.run('while true;do curl 172.16.132.18 ; sleep 0.5 ; done', { deadlineUs: 506_000 });
    expect(r).toMatchObject({ status: 130, out: 'rs1\n', tookUs: 506_000 });
    expect(t.calls).toHaveLength(2);
  });
});
