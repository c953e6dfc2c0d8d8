import type { StateCreator } from 'zustand';
import type { AppState, SelectionSlice } from '../types';

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selectedFrame: null,
  selectedHost: null,
  filterHost: '',
  filterCategories: [],
  inspectorTab: 'packet',
  terminalHost: '',
  helpOpen: false,

  selectFrame(frame) {
    set({ selectedFrame: frame, ...(frame ? { inspectorTab: 'packet' as const } : {}) });
  },
  selectHost(host) {
    set({ selectedHost: host });
  },
  setFilterHost(host) {
    set({ filterHost: host });
  },
  toggleCategory(c) {
    const cur = get().filterCategories;
    set({ filterCategories: cur.includes(c) ? cur.filter((x) => x !== c) : [...cur, c] });
  },
  setInspectorTab(tab) {
    set({ inspectorTab: tab });
  },
  setTerminalHost(host) {
    set({ terminalHost: host });
  },
  setHelpOpen(open) {
    set({ helpOpen: open });
  },
});
