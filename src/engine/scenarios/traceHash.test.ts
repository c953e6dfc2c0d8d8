/**
 * A refactoring guard: each lab driven by a fixed command list (curl, ipvsadm, iptables,
 * sysctl, and for ha keepalived's scripts, journal and failover) gives the trace and outputs
 * whose hashes are recorded below. Moving state between modules and the Host must not change
 * one byte. A change that is MEANT to alter behaviour (timings, new events) re-records them:
 * the failure message prints the new hashes.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { haKeepalivedConf } from '../labs/ha';
import { LabRuntime } from '../runtime/labRuntime';

const GOLDEN: Record<string, string> = {
  nat: 'b1b639ca7a3be752c23d13ad69602953b98537676b6e84428e40cbd99dd0285c',
  dr: '0c2247b320af7afd12ef77ca7746093f7286f0e1a24e5bcab90b97e0fc68acc9',
  tun: '37a4ff82827e75ed419e6bb71e2ef22770f3b2648b4cbb4e604f22b038891f2a',
  ha: '289e1c0a45c745cfd6c59a308478682d5cae0f5c6395f9e118525d3add248637',
};

/** director2's config with a tracked script and a notify script, so the script runner runs. */
function scriptedConf(rips: string[]): string {
  return haKeepalivedConf('director2', false, rips)
    .replace(
      'vrrp_instance VI_1 {',
      'vrrp_script chk {\n    script "/bin/true"\n    interval 1\n}\n\nvrrp_instance VI_1 {',
    )
    .replace(
      '    advert_int 1',
      '    advert_int 1\n    track_script {\n        chk\n    }\n    notify_master "/bin/echo up"',
    );
}

function commands(lab: string, vip: string): [string, string][] {
  const d = lab === 'ha' ? 'director1' : 'director';
  const common: [string, string][] = [
    ['client', `curl -s ${vip} ; curl -s ${vip} ; curl -s -m 1 172.16.132.18`],
    [d, 'ipvsadm -Ln --stats'],
    [d, 'iptables -A INPUT -p tcp --dport 22 -j ACCEPT'],
    [d, 'iptables -t mangle -A PREROUTING -p tcp --dport 80 -j MARK --set-mark 1'],
    [d, 'iptables -L -n -v ; iptables-save'],
    [d, 'sysctl -w net.ipv4.conf.all.arp_ignore=1'],
    ['client', `for i in 1 2 3; do curl -s -m 1 ${vip}; curl -s -m 1 172.16.132.1; done`],
  ];
  if (lab !== 'ha') return common;
  return [
    ...common,
    [
      'director2',
      `cat > /etc/keepalived/keepalived.conf <<'EOF'\n${scriptedConf(['192.168.99.140', '192.168.99.150'])}EOF`,
    ],
    ['director2', 'systemctl reload keepalived ; sleep 3'],
    ['director1', 'systemctl stop keepalived ; sleep 5'],
    ['director2', 'journalctl -u keepalived ; tail -n 20 /var/log/messages ; ipvsadm -Ln'],
    ['rs1', 'systemctl stop httpd ; sleep 20'],
    ['director2', 'ipvsadm -Ln ; systemctl status keepalived'],
    ['client', `curl -s -m 1 ${vip}`],
  ];
}

function hash(lab: string): string {
  const rt = LabRuntime.create(lab, { seed: 3 });
  const outputs = commands(lab, rt.def.vip).map(([host, command]) => rt.exec({ host, command }));
  if (process.env.TRACE_HASH_DUMP) for (const o of outputs) console.warn(lab, o);
  return createHash('sha256').update(JSON.stringify(rt.trace)).update(JSON.stringify(outputs)).digest('hex');
}

describe('trace hash per lab (refactoring guard)', () => {
  const actual: Record<string, string> = {};
  for (const lab of Object.keys(GOLDEN))
    test(`${lab}: the fixed command list gives the recorded trace`, () => {
      actual[lab] = hash(lab);
      expect(actual[lab], `new hashes so far: ${JSON.stringify(actual)}`).toBe(GOLDEN[lab]);
    });
});
