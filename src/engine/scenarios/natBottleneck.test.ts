import { describe, expect, test } from 'vitest';
import { startCurl } from '../apps/curl';
import { frameLength } from '../packet/frame';
import { DEFAULT_SPEED_MBPS, wireBytes } from '../stack/linkQueue';
import { TestLab } from '../testing/testLab';

const SIZE = 2 * 1024 * 1024;
/** A full data segment: 1448 bytes of payload, TCP with timestamps 32, IP 20, Ethernet 14. */
const FULL_FRAME = 1448 + 32 + 20 + 14;

/**
 * Both clients fetch a 2 MiB file at once; rr sends one to rs1 and one to rs2. Returns the
 * virtual time until both downloads ended, and the bytes the director's NICs sent.
 */
function twoDownloads(lab: 'nat' | 'dr'): { us: number; directorTx: number } {
  const t = new TestLab(lab, 1, true, { servers: 2, clients: 2 });
  for (const rs of ['rs1', 'rs2']) t.ok(rs, `fallocate -l ${SIZE} /var/www/html/big`);
  const vip = t.rt.def.vip;
  const from = t.sim.trace.length;
  const start = t.sim.now;
  const handles = ['client', 'client2'].map((c) =>
    startCurl(t.host(c), { ip: vip, port: 80, hostHeader: vip, path: '/big', method: 'GET' }),
  );
  const ends: number[] = [];
  t.sim.runWhile(() => {
    handles.forEach((h, i) => {
      if (h.done && ends[i] === undefined) ends[i] = t.sim.now;
    });
    return handles.every((h) => h.done);
  }, start + 60_000_000);
  for (const h of handles) expect(h.result?.body.length).toBe(SIZE);
  let directorTx = 0;
  for (const e of t.sim.trace.slice(from))
    if (e.kind === 'frame.tx' && e.host === 'director') directorTx += frameLength(e.eth);
  return { us: Math.max(...ends) - start, directorTx };
}

describe("NAT's director is the bottleneck for large replies; DR's is not", () => {
  test('two 2 MiB downloads take about twice as long through NAT, as bytes over bandwidth predict', () => {
    const nat = twoDownloads('nat');
    const dr = twoDownloads('dr');
    // Each reply is ceil(2 MiB / 1448) full frames on the wire.
    const frames = Math.ceil(SIZE / 1448);
    const bitsPerReply = frames * wireBytes(FULL_FRAME) * 8;
    // NAT: both replies leave through the director's one public NIC, one after another.
    const natFloor = (2 * bitsPerReply) / DEFAULT_SPEED_MBPS;
    // DR: each real server sends its own reply on its own NIC, in parallel.
    const drFloor = bitsPerReply / DEFAULT_SPEED_MBPS;
    const predicted = natFloor / drFloor;
    expect(predicted).toBe(2);
    // No lab can beat its line rate; slow start and round trips cost a few percent more.
    expect(nat.us).toBeGreaterThanOrEqual(natFloor);
    expect(nat.us).toBeLessThan(natFloor * 1.1);
    expect(dr.us).toBeGreaterThanOrEqual(drFloor);
    expect(dr.us).toBeLessThan(drFloor * 1.25);
    const ratio = nat.us / dr.us;
    expect(ratio).toBeGreaterThan(predicted / 1.25);
    expect(ratio).toBeLessThanOrEqual(predicted * 1.05);
    // The reason: NAT's director sent every reply frame; DR's sent almost nothing.
    expect(nat.directorTx).toBeGreaterThan(2 * SIZE);
    expect(dr.directorTx).toBeLessThan(SIZE / 5); // the clients' ACKs, on their way to the servers
  }, 120_000);
});
