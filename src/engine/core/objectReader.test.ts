/**
 * Reading encoded objects back (objectReader.ts): in every word form (row form with nested objects
 * and raw integers, whole objects with a forward to them past their nested ones, arrays), `end`
 * and `visit` agree on where an object's words end, which is where the next one written begins,
 * and `decode` rebuilds an equal object with its keys in order.
 */
import { describe, expect, test } from 'vitest';
import { TraceValues } from './traceValues';

const objects = (i: number): object[] => [
  { proto: 'ipv4', id: 5000 + i, ttl: 64, payload: { proto: 'tcp', seq: 2 ** 31 + i, window: 300 } },
  [1, 'x', { kind: 'nop' }, [i, i + 1]],
  { a: 'plain', b: null, c: true, d: -7, e: 0.5 + i },
  { kind: 'timestamp', val: 2 ** 32 - 1 - i, ecr: 7 },
];

describe('ObjectReader', () => {
  for (const maxRows of [undefined, 0]) {
    test(`end, visit and decode agree (${maxRows === 0 ? 'whole objects' : 'row form'})`, () => {
      const values = new TraceValues(16, maxRows);
      const objs = values.objs;
      const written: { at: number; v: object }[] = [];
      for (let i = 0; i < 40; i++)
        for (const v of objects(i)) {
          const before = objs.length;
          const slot = objs.encode(v, 0, false, false);
          // Fresh and plain: written right where the words ended.
          expect(slot).toBe((before << 3) | 6);
          written.push({ at: before, v });
        }
      written.forEach(({ at, v }, k) => {
        const next = k + 1 < written.length ? written[k + 1]!.at : objs.length;
        expect(objs.end(at)).toBe(next);
        expect(objs.visit(at, () => {})).toBe(next);
        const got = objs.decode(at);
        expect(got).toEqual(v);
        expect(Object.keys(got as object)).toEqual(Object.keys(v));
        expect(got).not.toBe(v);
      });
    });
  }
});
