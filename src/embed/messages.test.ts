import { describe, expect, it } from 'vitest';
import { checkParentMessage } from './messages';

const labs = ['nat', 'dr', 'tun'];
const check = (d: unknown) => checkParentMessage(d, labs);

describe('parent → lab messages', () => {
  it('accepts every request of the contract', () => {
    const good = [
      { type: 'lvs-lab:run', host: 'client', command: 'curl -s 172.16.132.18' },
      { type: 'lvs-lab:load', state: 'v1.nat.1.0' },
      { type: 'lvs-lab:load', lab: 'dr', bare: true, seed: 7 },
      { type: 'lvs-lab:seek', at: 1500 },
      { type: 'lvs-lab:seek', step: 0 },
      { type: 'lvs-lab:play' },
      { type: 'lvs-lab:pause' },
      { type: 'lvs-lab:get-state' },
    ];
    for (const m of good) expect(check(m)).toEqual({ ok: true, message: m });
  });

  it('drops fields it does not know from what it passes on', () => {
    expect(check({ type: 'lvs-lab:play', extra: '<script>' })).toEqual({
      ok: true,
      message: { type: 'lvs-lab:play' },
    });
  });

  it('refuses wrong shapes with an error naming the request', () => {
    const bad: [unknown, string][] = [
      [{ type: 'lvs-lab:run', host: 5, command: 'x' }, 'lvs-lab:run'],
      [{ type: 'lvs-lab:run', host: 'client' }, 'lvs-lab:run'],
      [{ type: 'lvs-lab:run', host: 'client', command: 'x'.repeat(20000) }, 'lvs-lab:run'],
      [{ type: 'lvs-lab:run', host: 'h'.repeat(65), command: 'x' }, 'lvs-lab:run'],
      [{ type: 'lvs-lab:load', lab: 'ha' }, 'lvs-lab:load'],
      [{ type: 'lvs-lab:load', lab: '__proto__' }, 'lvs-lab:load'],
      [{ type: 'lvs-lab:load', lab: 'nat', seed: -1 }, 'lvs-lab:load'],
      [{ type: 'lvs-lab:load', lab: 'nat', bare: 'yes' }, 'lvs-lab:load'],
      [{ type: 'lvs-lab:load', state: 42 }, 'lvs-lab:load'],
      [{ type: 'lvs-lab:seek', at: 1, step: 1 }, 'lvs-lab:seek'],
      [{ type: 'lvs-lab:seek' }, 'lvs-lab:seek'],
      [{ type: 'lvs-lab:seek', step: 1.5 }, 'lvs-lab:seek'],
      [{ type: 'lvs-lab:seek', at: -1 }, 'lvs-lab:seek'],
      [{ type: 'lvs-lab:seek', step: '3' }, 'lvs-lab:seek'],
      [{ type: 'lvs-lab:eval', code: '1' }, 'lvs-lab:eval'],
      [{ type: 'lvs-lab:ready', version: '1' }, 'lvs-lab:ready'],
      [
        Object.fromEntries([['type', 'lvs-lab:play'], ...Array.from({ length: 20 }, (_, i) => [`k${i}`, i])]),
        'lvs-lab:play',
      ],
    ];
    for (const [m, request] of bad) {
      const r = check(m);
      expect(r.ok, JSON.stringify(m)).toBe(false);
      expect(r).toMatchObject({ request });
      expect((r as { error: string }).error.length).toBeGreaterThan(0);
    }
  });

  it('ignores what is not addressed to the lab', () => {
    for (const m of [
      null,
      'lvs-lab:play',
      42,
      [],
      { type: 'other' },
      { type: 5 },
      { type: 'LVS-LAB:play' },
      new Date(),
    ])
      expect(check(m)).toEqual({ ok: false, ignore: true });
  });
});
