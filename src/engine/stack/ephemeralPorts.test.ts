import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LabRuntime } from '../runtime/labRuntime';
import { TestLab } from '../testing/testLab';
import { PORT_COUNT, PORT_HI, PORT_LO, PortIndex, portOffset } from './ephemeralPorts';

const fuzzSeed = Number(process.env.FUZZ_SEED ?? 0x12e);

describe('ephemeral ports as __inet_hash_connect picks them', () => {
  test('consecutive connects walk consecutive ports; another destination starts elsewhere', () => {
    const ix = new PortIndex(12345, () => 0);
    const a = ix.connectPort('10.0.0.1', '10.0.0.2', 80)!;
    ix.add('10.0.0.1', a, '10.0.0.2', 80, false);
    const b = ix.connectPort('10.0.0.1', '10.0.0.2', 80)!;
    expect(b === a + 1 || (a === PORT_HI && b === PORT_LO)).toBe(true);
    // The secret offset differs per destination (here: another port on the same server).
    expect(portOffset(12345, '10.0.0.1', '10.0.0.2', 80)).not.toBe(
      portOffset(12345, '10.0.0.1', '10.0.0.2', 888),
    );
  });

  test('the remembered destination key follows each part: alternating destinations keep apart', () => {
    // PortIndex keeps the last destination's key; a change in any one part must make a new one.
    const ix = new PortIndex(7, () => 0);
    const dests: [string, string, number][] = [
      ['10.0.0.1', '10.0.0.2', 80],
      ['10.0.0.1', '10.0.0.2', 81],
      ['10.0.0.1', '10.0.0.3', 80],
      ['10.0.0.9', '10.0.0.2', 80],
    ];
    const held = dests.map(() => new Set<number>());
    for (let round = 0; round < 50; round++)
      dests.forEach(([l, r, rp], d) => {
        const p = ix.connectPort(l, r, rp)!;
        expect(held[d]!.has(p)).toBe(false);
        ix.add(l, p, r, rp, false);
        held[d]!.add(p);
      });
    // Removing towards one destination frees that port there only.
    const [p0] = held[0]!;
    ix.remove('10.0.0.1', p0!, '10.0.0.2', 80, false);
    ix.add('10.0.0.1', p0!, '10.0.0.2', 81, false);
    expect(ix.bindable('10.0.0.1', p0!)).toBe(false);
    for (let i = 0; i < 200; i++) {
      const p = ix.connectPort('10.0.0.1', '10.0.0.2', 81)!;
      expect(held[1]!.has(p) || p === p0).toBe(false);
    }
  });

  test("a server's side: one local port towards many remote ports of a client, each let go alone", () => {
    const ix = new PortIndex(3, () => 0);
    const clientPorts = [40000, 40001, 40002];
    for (const cp of clientPorts) ix.add('10.0.0.2', 80, '10.0.0.1', cp, false);
    // Another pair in between: the remembered pair must follow the addresses.
    ix.add('10.0.0.2', 80, '10.0.0.9', 40000, false);
    // The per-port index is built from the pairs at the first bind() question, removals after it.
    const late = new PortIndex(3, () => 0);
    for (const cp of clientPorts) late.add('10.0.0.2', 81, '10.0.0.1', cp, false);
    late.add('10.0.0.3', 82, '10.0.0.1', 40000, false);
    late.remove('10.0.0.2', 81, '10.0.0.1', 40000, false);
    expect(late.bindable('10.0.0.2', 81)).toBe(false);
    expect(late.bindable('10.0.0.3', 81)).toBe(true);
    expect(late.bindable('10.0.0.3', 82)).toBe(false);
    expect(late.bindable('10.0.0.2', 82)).toBe(true);
    expect(ix.bindable('10.0.0.2', 80)).toBe(false);
    ix.remove('10.0.0.2', 80, '10.0.0.1', 40001, false);
    ix.remove('10.0.0.2', 80, '10.0.0.9', 40000, false);
    ix.remove('10.0.0.2', 80, '10.0.0.1', 40000, false);
    expect(ix.bindable('10.0.0.2', 80)).toBe(false); // 40002 still holds it
    ix.remove('10.0.0.2', 80, '10.0.0.1', 40002, false);
    expect(ix.bindable('10.0.0.2', 80)).toBe(true);
  });

  test('a port is unique per (local address, remote address, remote port), not per host', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 400 }), (secret, n) => {
        const ix = new PortIndex(secret, () => 0);
        const seen = new Set<number>();
        for (let i = 0; i < n; i++) {
          const p = ix.connectPort('10.0.0.1', '10.0.0.2', 80)!;
          expect(p).toBeGreaterThanOrEqual(PORT_LO);
          expect(p).toBeLessThanOrEqual(PORT_HI);
          expect(seen.has(p)).toBe(false);
          seen.add(p);
          ix.add('10.0.0.1', p, '10.0.0.2', 80, false);
        }
        // The same port may serve another destination at the same time.
        const other = ix.connectPort('10.0.0.1', '10.0.0.3', 80)!;
        ix.add('10.0.0.1', other, '10.0.0.3', 80, false);
        expect(ix.connectPort('10.0.0.1', '10.0.0.3', 80)).not.toBe(other);
      }),
      { seed: fuzzSeed, numRuns: 50 },
    );
  });

  test('all 28,232 ports to one destination taken: the next connect fails, others still work', () => {
    const ix = new PortIndex(7, () => 0);
    for (let p = PORT_LO; p <= PORT_HI; p++) ix.add('10.0.0.1', p, '10.0.0.2', 80, false);
    expect(PORT_COUNT).toBe(28232);
    expect(ix.connectPort('10.0.0.1', '10.0.0.2', 80)).toBeUndefined();
    expect(ix.connectPort('10.0.0.1', '10.0.0.2', 888)).toBeDefined();
    ix.remove('10.0.0.1', 40000, '10.0.0.2', 80, false);
    expect(ix.connectPort('10.0.0.1', '10.0.0.2', 80)).toBe(40000);
  });

  test('ports taken by bind() are skipped by connect and clash on the same address only', () => {
    const ix = new PortIndex(1, () => 5);
    expect(ix.bindPort('10.0.0.1')).toBe(PORT_LO + 5);
    ix.add('10.0.0.1', PORT_LO + 5, '10.0.0.2', 80, true);
    expect(ix.bindable('10.0.0.1', PORT_LO + 5)).toBe(false);
    expect(ix.bindable('10.0.0.9', PORT_LO + 5)).toBe(true);
    expect(ix.bindable('0.0.0.0', PORT_LO + 5)).toBe(false);
    expect(ix.bindPort('10.0.0.1')).toBe(PORT_LO + 6);
  });

  test('the per-port index first built at a late bind() agrees with the sockets held before and after', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 5 }),
            fc.integer({ min: 0, max: 2 }),
          ),
          {
            maxLength: 40,
          },
        ),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 5 }),
            fc.integer({ min: 0, max: 2 }),
          ),
          {
            maxLength: 20,
          },
        ),
        (before, after) => {
          const ix = new PortIndex(9, () => 0);
          const addrs = ['10.0.0.1', '10.0.0.2', '0.0.0.0'];
          const held = new Set<string>();
          const apply = ([a, p, d]: [number, number, number]): void => {
            const t = `${a}|${p}|${d}`;
            if (held.has(t)) {
              ix.remove(addrs[a]!, PORT_LO + p, `10.9.0.${d}`, 80, false);
              held.delete(t);
            } else {
              ix.add(addrs[a]!, PORT_LO + p, `10.9.0.${d}`, 80, false);
              held.add(t);
            }
          };
          const check = (): void => {
            for (let p = 0; p <= 5; p++) {
              const on = (a: number): boolean => [0, 1, 2].some((d) => held.has(`${a}|${p}|${d}`));
              expect(ix.bindable(addrs[0]!, PORT_LO + p)).toBe(!on(0) && !on(2));
              expect(ix.bindable(addrs[1]!, PORT_LO + p)).toBe(!on(1) && !on(2));
              expect(ix.bindable('0.0.0.0', PORT_LO + p)).toBe(!on(0) && !on(1) && !on(2));
            }
          };
          before.forEach(apply);
          check();
          for (const op of after) {
            apply(op);
            check();
          }
        },
      ),
      { seed: fuzzSeed, numRuns: 200 },
    );
  });

  test('bindable follows adds and removes on several addresses of one port (fuzzed against a model)', () => {
    const addrs = ['0.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3'];
    const op = fc.record({
      add: fc.boolean(),
      addr: fc.constantFrom(...addrs),
      port: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const ix = new PortIndex(3, () => 0);
        const model = new Map<string, number>();
        for (const o of ops) {
          const port = PORT_LO + o.port;
          const k = `${o.addr}|${port}`;
          const n = model.get(k) ?? 0;
          if (o.add) {
            ix.add(o.addr, port, '10.0.0.9', 80, false);
            model.set(k, n + 1);
          } else if (n > 0) {
            ix.remove(o.addr, port, '10.0.0.9', 80, false);
            model.set(k, n - 1);
          }
          for (let q = 0; q < 4; q++)
            for (const a of addrs) {
              const held = (b: string): boolean => (model.get(`${b}|${PORT_LO + q}`) ?? 0) > 0;
              const anyHeld = addrs.some(held);
              const want = a === '0.0.0.0' ? !anyHeld : !held(a) && !held('0.0.0.0');
              expect(ix.bindable(a, PORT_LO + q)).toBe(want);
            }
        }
      }),
      { seed: fuzzSeed, numRuns: 300 },
    );
  });
});

describe('connect() on a host', () => {
  test('ss -s counts the TIME-WAIT sockets curl leaves behind', () => {
    const rt = LabRuntime.create('nat');
    for (let i = 0; i < 3; i++) rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
    expect(rt.exec({ host: 'client', command: 'ss -s' }).stdout).toContain(
      'TCP:   3 (estab 0, closed 3, orphaned 0, synrecv 0, timewait 3/0), ports 0\n',
    );
  });

  test('EADDRNOTAVAIL once every port to the destination is held; curl exits 7', () => {
    const rt = LabRuntime.create('nat');
    const client = rt.net.host('client');
    // The director's public side is down: the SYNs wait for an ARP reply that never comes.
    rt.net.host('director').setLink('eth1', false);
    for (let i = 0; i < PORT_COUNT; i++) {
      const s = client.sockets.connect('172.16.132.18', 80, {});
      expect(typeof s).not.toBe('string');
    }
    expect(client.sockets.connect('172.16.132.18', 80, {})).toBe('EADDRNOTAVAIL');
    const r = rt.exec({ host: 'client', command: 'curl 172.16.132.18' });
    expect([r.exit, r.stderr]).toEqual([
      7,
      'curl: (7) Failed connect to 172.16.132.18:80; Cannot assign requested address\n',
    ]);
    expect(typeof client.sockets.connect('172.16.132.18', 81, {})).not.toBe('string');
  });

  test('a socket bound to an address the host does not hold is refused', () => {
    const lab = new TestLab('nat');
    const c = lab.host('client').sockets;
    expect(c.connect('172.16.132.18', 80, {}, { laddr: '10.9.9.9' })).toBe('EADDRNOTAVAIL');
    expect(c.bindError({ lport: 888 })).toBeUndefined();
    expect(lab.host('rs1').sockets.bindError({ lport: 888 })).toBe('EADDRINUSE');
  });
});
