import type { StateCreator } from 'zustand';
import { readItem, writeItem } from '../safeStorage';
import type { AppState, Language, PrefsSlice } from '../types';

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
});
