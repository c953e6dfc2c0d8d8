import { describe, expect, test } from 'vitest';
import { TestLab } from '../../testing/testLab';
import { iptablesExec } from '../../shell/tools/iptables/run';
import { iptablesOf } from './iptables';

/** The DR lab's director with these iptables lines applied; then the client pings the director. */
function pinged(lines: string[]): TestLab {
  const l = new TestLab('dr').sysctl('router', 'net.ipv4.ip_forward', 1);
  const d = l.host('director');
  for (const line of lines) {
    const r = iptablesExec(d, ['iptables', ...line.split(' ')]);
    if (r.status !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  l.ping('client', '192.168.99.120', 1);
  return l;
}

const verdicts = (l: TestLab, table = 'filter') =>
  l.events('iptables.verdict', (e) => e.host === 'director' && e.table === table && e.hook === 'INPUT');

describe('ipt_do_table on the director', () => {
  test('a user chain is entered by -j and left by RETURN; the policy decides after', () => {
    const l = pinged([
      '-N CHK',
      '-A CHK -p icmp -j RETURN',
      '-A CHK -j DROP',
      '-A INPUT -j CHK',
      '-P INPUT DROP',
    ]);
    expect(verdicts(l)[0]).toMatchObject({ verdict: 'DROP', why: 'policy', rule: null, chain: 'INPUT' });
    const t = iptablesOf(l.host('director')).loaded('filter')!;
    expect(t.chains.find((c) => c.name === 'CHK')!.rules[0]!.pkts).toBe(1);
    expect(t.chains.find((c) => c.name === 'CHK')!.rules[1]!.pkts).toBe(0);
    expect(t.chains.find((c) => c.name === 'INPUT')!.pkts).toBe(1);
  });

  test('-g goes to a chain without coming back: its end falls to the built-in policy', () => {
    const l = pinged(['-N G', '-A INPUT -g G', '-A INPUT -j DROP']);
    expect(verdicts(l)[0]).toMatchObject({ verdict: 'ACCEPT', why: 'policy' });
    expect(l.events('icmp.send', (e) => e.host === 'director')).toEqual([]);
  });

  test('REJECT answers with the chosen ICMP code and names the rule', () => {
    const l = pinged(['-A INPUT -p icmp -j REJECT --reject-with icmp-host-prohibited']);
    expect(verdicts(l)[0]).toMatchObject({ verdict: 'REJECT', rule: 1, rejectWith: 'icmp-host-prohibited' });
    expect(l.events('icmp.send', (e) => e.host === 'director')[0]).toMatchObject({ type: 3, code: 10 });
  });

  test('MARK --set-xmark zeroes the mask bits then xors; -m mark state NEW then ESTABLISHED', () => {
    const l = pinged([
      '-t mangle -A INPUT -j MARK --set-xmark 0x10/0xf0',
      '-t mangle -A INPUT -j MARK --set-mark 0x3/0x0f',
      '-A INPUT -m state --state NEW -j ACCEPT',
      '-A OUTPUT -m state --state NEW -j DROP',
      '-A OUTPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT',
    ]);
    const m = verdicts(l, 'mangle')[0]!;
    expect((m.marks as { mark: number }[]).map((x) => x.mark)).toEqual([0x10, 0x13]);
    expect(verdicts(l)[0]).toMatchObject({ verdict: 'ACCEPT', why: 'rule', rule: 1 });
    // The echo reply leaves through OUTPUT as ESTABLISHED: the second OUTPUT rule accepts it.
    const out = l.events(
      'iptables.verdict',
      (e) => e.host === 'director' && e.table === 'filter' && e.hook === 'OUTPUT',
    );
    expect(out[0]).toMatchObject({ why: 'rule', rule: 2, verdict: 'ACCEPT' });
    expect(l.events('drop', (e) => e.host === 'client')).toEqual([]);
  });
});
