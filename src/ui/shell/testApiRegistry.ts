import type { AppStore } from '@/store/createAppStore';

/** The stores a page has, for the dev/test API (window.__lvsLab). */
export const testStores: { main: AppStore | null; nat: AppStore | null; dr: AppStore | null } = {
  main: null,
  nat: null,
  dr: null,
};

export function registerMainStore(store: AppStore): () => void {
  testStores.main = store;
  return () => {
    if (testStores.main === store) testStores.main = null;
  };
}

export function registerCompareStores([nat, dr]: [AppStore, AppStore]): () => void {
  testStores.nat = nat;
  testStores.dr = dr;
  return () => {
    testStores.nat = null;
    testStores.dr = null;
  };
}
