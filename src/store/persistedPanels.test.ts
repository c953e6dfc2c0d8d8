import { beforeAll, expect, test } from 'vitest';
import { createAppStore } from './createAppStore';
import { loadEngine } from './engine';
import { merge, partialize } from './persistence';

beforeAll(async () => {
  await loadEngine();
});

test('the panels survive a save and load: inspector tab, selected host and frame, open terminal', () => {
  const s = createAppStore({ persistKey: null, labId: 'nat' });
  s.getState().setInspectorTab('hooks');
  s.getState().selectHost('rs1');
  s.getState().setTerminalHost('rs2');
  const saved = JSON.parse(JSON.stringify(partialize(s.getState()))) as unknown;
  const fresh = createAppStore({ persistKey: null, labId: 'nat' }).getState();
  const back = merge(saved, fresh);
  expect(back).toMatchObject({ inspectorTab: 'hooks', selectedHost: 'rs1', terminalHost: 'rs2' });
});

test('a saved inspector tab the app does not have is left at its default', () => {
  const fresh = createAppStore({ persistKey: null, labId: 'nat' }).getState();
  for (const bad of ['nope', '__proto__', 42, null, { tab: 'hooks' }])
    expect(merge({ inspectorTab: bad, selectedHost: 7 }, fresh)).toMatchObject({
      inspectorTab: 'packet',
      selectedHost: null,
    });
});
