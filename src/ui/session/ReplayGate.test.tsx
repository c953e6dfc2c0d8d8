// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { ensureLanguage, initI18n } from '@/i18n/i18n';
import { createAppStore } from '@/store/createAppStore';
import { engine, loadEngine } from '@/store/engine';
import { inPageTransport } from '@/store/session/inPageTransport';
import { testClock } from '@/store/session/testClock';
import { StoreProvider } from '@/store/StoreProvider';
import { ReplayGate } from './ReplayGate';

beforeAll(async () => {
  await loadEngine();
  if (!i18next.isInitialized) await initI18n('en');
});
afterEach(cleanup);

const LOG = [
  { host: 'client', command: 'while true; do curl -s 172.16.132.18; sleep 0.5; done', maxTimeUs: 3_000_000 },
  { host: 'director', command: 'ipvsadm -Ln' },
  { host: 'client', command: 'curl -s 172.16.132.18' },
];

test('a long replay shows its progress instead of the lab, and can be stopped', async () => {
  await i18next.changeLanguage('en');
  const clock = testClock();
  const store = createAppStore({ persistKey: null, transport: inPageTransport(engine(), clock, 2) });
  render(
    <StoreProvider store={store}>
      <ReplayGate>
        <p>the lab</p>
      </ReplayGate>
    </StoreProvider>,
  );
  act(() => store.getState().loadLab('nat', { log: LOG }));
  expect(screen.queryByText('the lab')).toBeNull();
  act(() => clock.runNext());
  expect(screen.getByRole('status').textContent).toMatch(/^Replaying your saved commands: \d of 3$/);
  expect(screen.getByRole('progressbar', { name: 'Replaying saved work' })).toBeTruthy();
  // The lab's topology is drawn from its data meanwhile (the live views wait for the replay).
  const sketch = document.querySelector('[data-topology-drawn="lab-data"]');
  expect(sketch?.querySelector('[data-host="director"]')?.textContent).toContain('172.16.132.18/24');
  expect(sketch?.querySelectorAll('[data-host]').length).toBe(4);
  await ensureLanguage('zh-CN');
  expect(i18next.t('replay.progress', { lng: 'zh-CN', done: 1, total: 3 })).toBe(
    '正在重放已保存的命令:第 1 条,共 3 条',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Stop replaying and keep what has run' }));
  act(() => clock.runAll());
  expect(screen.getByText('the lab')).toBeTruthy();
  expect(store.getState().spec.log.length).toBeLessThan(LOG.length);
  expect(store.getState().notice?.key).toBe('notice.replayStopped');
});
