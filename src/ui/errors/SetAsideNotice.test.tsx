// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CORRUPT_KEY, readSetAside, setAside } from '@/store/corruptSaves';
import { renderWithStore } from '../testing/renderWithStore';
import { SetAsideNotice } from './SetAsideNotice';

let blobs: Blob[] = [];
beforeEach(() => {
  localStorage.clear();
  blobs = [];
  URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), 'blob:test');
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a save set aside at load', () => {
  test('is kept once per value, even when it cannot be written back as JSON', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    setAside([{ labId: 'dr', slot: 'session', raw: { lab: 'v1.dr.1.0.@' } }]);
    setAside([{ labId: 'dr', slot: 'session', raw: { lab: 'v1.dr.1.0.@' } }]);
    setAside([{ labId: 'nat', slot: 'current', raw: deep }]);
    const kept = readSetAside();
    expect(kept.map((k) => k.labId)).toEqual(['dr', 'nat']);
    expect(kept[1]!.raw).toMatch(/nested too deeply/);
    localStorage.setItem(CORRUPT_KEY, '{{');
    expect(readSetAside()).toEqual([{ labId: 'unknown', slot: 'whole', raw: '{{' }]);
  });

  test('is offered as a download, then discarded on request', async () => {
    setAside([{ labId: 'dr', slot: 'session', raw: { lab: 'v1.dr.1.0.@', cursor: 3 } }]);
    await renderWithStore(<SetAsideNotice />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('could not be read (1 item(s): dr)');
    fireEvent.click(screen.getByRole('button', { name: 'Download the unreadable save' }));
    expect(JSON.parse(await blobs[0]!.text())).toEqual([
      { labId: 'dr', slot: 'session', raw: { lab: 'v1.dr.1.0.@', cursor: 3 } },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Discard it' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(localStorage.getItem(CORRUPT_KEY)).toBeNull();
  });
});
