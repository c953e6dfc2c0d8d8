import { describe, expect, test } from 'vitest';
import { emptySpec } from '@/store/labSpec';
import type { LabSpec } from '@/store/labSpec';
import { decideBoot } from './decideBoot';

const work: LabSpec = { ...emptySpec('nat'), log: [{ host: 'director', command: 'ipvsadm -Ln' }] };
const other: LabSpec = { ...emptySpec('nat'), log: [{ host: 'client', command: 'curl -s 172.16.132.18' }] };
const savedNat = (id: string) => (id === 'nat' ? work : undefined);
const none = () => undefined;

describe('which session a lab URL opens', () => {
  test('a plain ?lab= opens the saved session', () => {
    expect(decideBoot('nat', { lab: 'nat' }, undefined, savedNat, null)).toEqual({
      mode: 'main',
      labId: 'nat',
    });
  });

  test('a link whose lab differs from saved work gets its own session; equal work or none opens in place', () => {
    const shared = { spec: other };
    expect(decideBoot('nat', { state: 'v2.x' }, shared, savedNat, null)).toMatchObject({
      mode: 'link',
      spec: other,
    });
    expect(decideBoot('nat', { state: 'v2.x' }, { spec: work }, savedNat, null)).toMatchObject({
      mode: 'main',
    });
    expect(decideBoot('nat', { state: 'v2.x' }, shared, none, null)).toMatchObject({
      mode: 'main',
      spec: other,
    });
  });

  test('bare=1 over saved configured work is a session of its own too', () => {
    const b = decideBoot('nat', { lab: 'nat', bare: true }, undefined, savedNat, null);
    expect(b).toMatchObject({ mode: 'link', spec: { labId: 'nat', bare: true, log: [] } });
  });

  test('the share string names the lab, whatever lab= says', () => {
    const dr = { spec: { ...emptySpec('dr'), log: [{ host: 'rs1', command: 'ip a' }] } };
    expect(decideBoot('nat', { lab: 'nat', state: 'v2.y' }, dr, savedNat, null)).toMatchObject({
      labId: 'dr',
    });
  });

  test('a reload of the address the app wrote keeps the kind of session it had', () => {
    const shared = { spec: other };
    expect(decideBoot('nat', { state: 'v2.x' }, shared, savedNat, { state: 'v2.x', mode: 'main' })).toEqual({
      mode: 'main',
      labId: 'nat',
      shared,
    });
    expect(decideBoot('nat', { state: 'v2.x' }, shared, savedNat, { state: 'v2.x', mode: 'link' }).mode).toBe(
      'link',
    );
    expect(
      decideBoot('nat', { state: 'v2.x' }, shared, savedNat, { state: 'v2.other', mode: 'main' }).mode,
    ).toBe('link');
  });

  test('an embed is always its own session', () => {
    expect(decideBoot('tun', { embed: true }, undefined, savedNat, null)).toMatchObject({
      mode: 'embed',
      spec: emptySpec('tun'),
    });
  });
});
