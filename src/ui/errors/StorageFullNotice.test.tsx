// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDebouncedStorage } from '@/store/debouncedStorage';
import { isQuotaError, writeItem } from '@/store/safeStorage';
import { renderWithStore } from '../testing/renderWithStore';
import { StorageFullNotice } from './StorageFullNotice';

/** A localStorage that holds nothing: every write is over quota, as Chrome reports it. */
function fullStorage(): Storage {
  const quota = () => {
    throw new DOMException(
      "Failed to execute 'setItem' on 'Storage': exceeded the quota.",
      'QuotaExceededError',
    );
  };
  return {
    length: 0,
    clear: () => undefined,
    getItem: () => null,
    key: () => null,
    removeItem: () => undefined,
    setItem: quota,
  };
}

let blobs: Blob[] = [];
beforeEach(() => {
  vi.stubGlobal('localStorage', fullStorage());
  blobs = [];
  URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), 'blob:test');
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('a full storage quota', () => {
  test('the browsers’ quota errors are recognised, other failures are not', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'SecurityError'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });

  test('a save that does not fit is told, non-blocking, with the log offered; nothing throws', async () => {
    const { store } = await renderWithStore(<StorageFullNotice />);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => store.getState().runCommands([{ host: 'client', command: 'echo kept in memory' }]));
    // The debounced writer zustand's persist uses: its flush meets the quota and must not throw.
    vi.useFakeTimers();
    const storage = createDebouncedStorage<{ n: number }>(10);
    storage.setItem('lvs-lab.state', { state: { n: 1 }, version: 1 });
    expect(() => act(() => vi.advanceTimersByTime(20))).not.toThrow();
    vi.useRealTimers();

    const notice = screen.getByRole('status');
    expect(notice.textContent).toContain('storage for this site is full');
    expect(notice.getAttribute('aria-live')).toBe('polite');
    fireEvent.click(screen.getByRole('button', { name: 'Download the LVS-NAT log' }));
    const file = JSON.parse(await blobs[0]!.text()) as { log: { command: string }[] };
    expect(file.log.map((e) => e.command)).toEqual(['echo kept in memory']);
    // The store still works and still holds the work.
    expect(store.getState().spec.log).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(writeItem('x', 'y')).toBe(false);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
