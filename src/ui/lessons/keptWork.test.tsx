// @vitest-environment jsdom
/** Opening a lesson never loses the student's saved work in that lab: it is kept, restorable, downloadable. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ensureLanguage, initI18n } from '@/i18n/i18n';
import { createAppStore } from '@/store/createAppStore';
import { loadEngine } from '@/store/engine';
import { StoreProvider } from '@/store/StoreProvider';
import { readKept } from './keptWork';
import { LessonPlayer } from './LessonPlayer';
import { openShipped } from './lessonSource';

const MINE = [
  { host: 'director', command: 'ipvsadm -A -t 10.0.0.100:80 -s rr' },
  { host: 'director', command: 'ipvsadm -Ln' },
];

let blobs: Blob[] = [];
beforeEach(async () => {
  localStorage.clear();
  blobs = [];
  URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), 'blob:test');
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  await loadEngine();
  if (!i18next.isInitialized) await initI18n('en');
  await ensureLanguage('zh-CN');
  await i18next.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function openLessonOver(log: typeof MINE) {
  const store = createAppStore({ persistKey: null, labId: 'nat', startPaused: true });
  if (log.length) store.getState().loadLab('nat', { log });
  const o = openShipped('nat-seed');
  if (!o.ok) throw new Error(o.errors.join('\n'));
  await act(async () => {
    render(
      <StoreProvider store={store}>
        <LessonPlayer active={o.active} onClose={() => undefined} />
      </StoreProvider>,
    );
  });
  return store;
}

const commands = (log: readonly { command: string }[]) => log.map((e) => e.command);

describe('opening a lesson over saved work', () => {
  test('the earlier work is kept (also in storage), can be downloaded, and restored', async () => {
    const store = await openLessonOver(MINE);
    // The lesson started its own fresh lab…
    expect(commands(store.getState().spec.log)).not.toContain(MINE[0]!.command);
    // …and said where the earlier work went.
    expect(screen.getByText(/Your earlier work in the nat lab \(2 command\(s\)\) was kept/)).toBeTruthy();
    expect(commands(readKept('nat')!.log)).toEqual(commands(MINE));

    fireEvent.click(screen.getByRole('button', { name: 'Download the kept work' }));
    expect(await blobs[0]!.text()).toContain('ipvsadm -A -t 10.0.0.100:80 -s rr');

    const lessonLog = commands(store.getState().spec.log);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Restore my earlier work' }));
    });
    expect(commands(store.getState().spec.log)).toEqual(commands(MINE));
    // The lesson's own commands, if it had run any, are now the kept ones: still nothing lost.
    if (lessonLog.length) {
      expect(commands(readKept('nat')!.log)).toEqual(lessonLog);
      expect(screen.getByRole('button', { name: "Back to the lesson's work" })).toBeTruthy();
    } else {
      expect(readKept('nat')).toBeNull();
      expect(screen.queryByText(/was kept/)).toBeNull();
    }
  });

  test('a lab with no commands of the student’s shows no notice', async () => {
    await openLessonOver([]);
    expect(screen.queryByRole('button', { name: 'Restore my earlier work' })).toBeNull();
    expect(readKept('nat')).toBeNull();
  });

  test('the notice reads in Chinese under zh-CN', async () => {
    await i18next.changeLanguage('zh-CN');
    await openLessonOver(MINE);
    expect(screen.getByText(/你之前在 nat 实验中的操作（2 条命令）已保留/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '恢复我之前的操作' })).toBeTruthy();
  });
});
