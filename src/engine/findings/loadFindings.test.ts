import { describe, expect, test } from 'vitest';
import { configuredNat } from '../testing/configuredLabs';
import { TestLab } from '../testing/testLab';
import { findings, ofKind, run } from './findingsTestKit';

/**
 * The load findings under real load, typed as an instructor would: CGI pages that sleep, `ab`
 * with overlapping connections, several clients at once in the background (issue 12).
 */
const VIP = '172.16.132.18';
const RS1 = '192.168.99.130:888';
const RS2 = '192.168.99.140:888';
const URL = `http://${VIP}/cgi-bin/work`;

/** A CGI script on each real server that takes `sleep` seconds before answering. */
function slowPages(l: TestLab, sleep: number): void {
  for (const rs of ['rs1', 'rs2'])
    run(
      l,
      rs,
      'mkdir -p /var/www/cgi-bin',
      `printf '#!/bin/bash\\necho Content-Type: text/plain\\necho\\nsleep ${sleep}\\nhostname\\n' > /var/www/cgi-bin/work`,
    );
}

/** The real server each new IPVS connection went to, with the client it came from. */
function newConns(l: TestLab, from = 0) {
  return l.rt.trace
    .slice(from)
    .flatMap((e) =>
      e.kind === 'ipvs.conn' && e.event === 'new' ? [{ client: e.client.split(':')[0], dest: e.dest }] : [],
    );
}

describe('load findings from overlapping connections', () => {
  test('-x 3 -y 1 on rs1: ab -c 8 pushes it over its upper threshold; it comes back once its connections expire', () => {
    const l = configuredNat();
    slowPages(l, 1);
    run(l, 'director', `ipvsadm -e -t ${VIP}:80 -r ${RS1} -m -x 3 -y 1`);
    const ab = l.exec('client', `ab -n 16 -c 8 ${URL}`, 60);
    expect(ab.stdout).toContain('Complete requests:      16\nFailed requests:        0\n');
    l.run(125);
    const fs = findings(l).filter((f) => f.kind.startsWith('overload') && f.params.dest === RS1);
    expect(fs.map((f) => f.kind)).toEqual(['overload', 'overloadCleared']);
    expect(fs[0]!.params).toMatchObject({ upper: 3, lower: 1 });
    // While rs1 was over its threshold the other connections went to rs2 only.
    const during = newConns(l, fs[0]!.at).length;
    expect(during).toBeGreaterThan(0);
  });

  test('weight 0 while ab runs: rs1 is quiesced, new connections go to rs2, its open ones finish', () => {
    const l = configuredNat();
    slowPages(l, 2);
    l.exec('client', `ab -n 24 -c 4 ${URL} &`);
    // A second terminal on the director, one second into the run.
    run(l, 'director', 'sleep 1', `ipvsadm -e -t ${VIP}:80 -r ${RS1} -m -w 0`);
    const q = ofKind(findings(l), 'quiesced');
    expect(q.map((f) => f.params.dest)).toEqual([RS1]);
    const before = newConns(l).length;
    // rs1 still holds open connections, with weight 0 (ipvsadm -Ln: Weight ActiveConn InActConn).
    const listed = l.exec('director', 'ipvsadm -Ln').stdout;
    const row = new RegExp(`-> ${RS1.replace(/\./g, '\\.')} +Masq +(\\d+) +(\\d+)`).exec(listed)!;
    expect(Number(row[1])).toBe(0);
    expect(Number(row[2])).toBeGreaterThan(0);
    const w = l.exec('client', 'wait', 60);
    // ab's report reaches the terminal while `wait` runs: nothing failed, rs1's requests finished too.
    expect(w.stdout).toContain('Complete requests:      24\nFailed requests:        0\n');
    const after = newConns(l, q[0]!.at);
    expect(after.length).toBe(24 - before);
    expect(after.every((c) => c.dest === RS2)).toBe(true);
  });

  test('-p 60 with two clients at once: each client pinned to one server by its template', () => {
    const l = new TestLab('nat', 1, true, { clients: 2 });
    slowPages(l, 0);
    run(l, 'director', `ipvsadm -E -t ${VIP}:80 -s rr -p 60`);
    const from = l.rt.trace.length;
    l.exec('client', `ab -q -n 6 -c 2 ${URL} > /dev/null &`);
    l.exec('client2', `ab -q -n 6 -c 2 ${URL} > /dev/null &`);
    l.exec('client', 'wait', 60);
    l.exec('client2', 'wait', 60);
    const byClient = new Map<string, Set<string>>();
    for (const c of newConns(l, from))
      byClient.set(c.client!, (byClient.get(c.client!) ?? new Set()).add(c.dest));
    expect([...byClient.keys()].sort()).toEqual(['172.16.132.78', '172.16.132.79']);
    for (const dests of byClient.values()) expect(dests.size).toBe(1);
    const pins = ofKind(findings(l), 'persistPin');
    expect(pins.map((f) => f.params.client).sort()).toEqual(['172.16.132.78', '172.16.132.79']);
  });

  test('lblc: three slow requests at once overload the cached server; wlc’s pick replaces it', () => {
    const l = configuredNat();
    slowPages(l, 2);
    run(l, 'director', `ipvsadm -E -t ${VIP}:80 -s lblc`);
    const ab = l.exec('client', `ab -n 3 -c 3 ${URL}`, 60);
    expect(ab.stdout).toContain('Complete requests:      3\n');
    const fs = ofKind(findings(l), 'lblcReplace');
    expect(fs.length).toBeGreaterThanOrEqual(1);
    expect(fs[0]!.params).toMatchObject({ scheduler: 'lblc', daddr: VIP });
    expect(fs[0]!.params.to).not.toBe(fs[0]!.params.from);
    expect(new Set(newConns(l).map((c) => c.dest)).size).toBe(2);
  });
});
