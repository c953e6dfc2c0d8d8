import type { StateCreator } from 'zustand';
import { readItem, writeItem } from '../safeStorage';
import type { AppState, Language, PrefsSlice } from '../types';

/** Panel sizes are saved on their own key (like the language), so a reload puts the panels back. */
const PANELS_KEY = 'lvs-lab.panels';

function initialPanelSizes(): PrefsSlice['panelSizes'] {
  try {
    const v: unknown = JSON.parse(readItem(PANELS_KEY) ?? '{}');
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as PrefsSlice['panelSizes']) : {};
  } catch {
    return {};
  }
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 10, 50] as const;

function initialLanguage(): Language {
  const saved = readItem('lvs-lab.lang');
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  language: initialLanguage(),
  scheme: 'light',
  speed: 1,
  startPaused: false,
  panelSizes: initialPanelSizes(),

  setLanguage(language) {
    writeItem('lvs-lab.lang', language);
    set({ language });
  },
  setScheme(scheme) {
    set({ scheme });
  },
  setSpeed(speed) {
    set({ speed });
  },
  setStartPaused(startPaused) {
    set({ startPaused });
  },
  setPanelSize(scheme, split, percent) {
    set((s) => {
      const panelSizes = { ...s.panelSizes, [scheme]: { ...s.panelSizes[scheme], [split]: percent } };
      writeItem(PANELS_KEY, JSON.stringify(panelSizes));
      return { panelSizes };
    });
  },
});
