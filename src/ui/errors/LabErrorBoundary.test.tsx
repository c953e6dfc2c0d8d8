// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ensureLanguage } from '@/i18n/i18n';
import { useAppStore } from '@/store/useAppStore';
import { renderWithStore } from '../testing/renderWithStore';
import { LabErrorBoundary } from './LabErrorBoundary';

/** A lab view that fails to render while the log holds a command named `boom`. */
function Fragile() {
  const log = useAppStore((s) => s.spec.log);
  if (log.some((e) => e.command === 'boom')) throw new Error('render failed on purpose');
  return <p>lab drawn</p>;
}

let blobs: Blob[] = [];
beforeEach(() => {
  blobs = [];
  URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), 'blob:test');
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('<LabErrorBoundary>', () => {
  test('a render error shows what happened, the log download and reset; other labs are kept', async () => {
    const { store } = await renderWithStore(
      <LabErrorBoundary>
        <Fragile />
      </LabErrorBoundary>,
    );
    act(() => store.getState().loadLab('dr'));
    act(() => store.getState().runCommands([{ host: 'client', command: 'echo dr-work' }]));
    act(() => store.getState().loadLab('nat'));
    expect(screen.getByText('lab drawn')).toBeTruthy();
    act(() =>
      store.getState().runCommands([
        { host: 'client', command: 'echo before' },
        { host: 'client', command: 'boom' },
      ]),
    );

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The LVS-NAT lab could not be shown');
    expect(screen.getByRole('heading', { name: 'The LVS-NAT lab could not be shown' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download the LVS-NAT log' }));
    expect(blobs).toHaveLength(1);
    const file = JSON.parse(await blobs[0]!.text()) as { lab: string; log: { command: string }[] };
    expect(file.lab).toBe('nat');
    expect(file.log.map((e) => e.command)).toEqual(['echo before', 'boom']);

    fireEvent.click(screen.getByRole('button', { name: 'Reset the LVS-NAT lab' }));
    expect(screen.getByText('lab drawn')).toBeTruthy();
    expect(store.getState().spec.log).toEqual([]);
    expect(store.getState().sessions.dr?.log.map((e) => e.command)).toEqual(['echo dr-work']);
  });

  test('the panel speaks Chinese too', async () => {
    const { store } = await renderWithStore(
      <LabErrorBoundary>
        <Fragile />
      </LabErrorBoundary>,
    );
    await ensureLanguage('zh-CN');
    await act(() => i18n.changeLanguage('zh-CN'));
    act(() => store.getState().runCommands([{ host: 'client', command: 'boom' }]));
    expect(screen.getByRole('heading').textContent).toBe('无法显示 LVS-NAT 实验');
    await act(() => i18n.changeLanguage('en'));
  });
});
