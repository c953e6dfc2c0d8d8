import { useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { StoreContext } from './StoreProvider';
import type { AppStore } from './createAppStore';
import type { AppState } from './types';

export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside <StoreProvider>');
  return store;
}

/** Select from the nearest store; re-renders only when the selected value changes. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}

/** For selectors that build objects or arrays. */
export function useAppStoreShallow<T>(selector: (s: AppState) => T): T {
  return useStore(useStoreApi(), useShallow(selector));
}
