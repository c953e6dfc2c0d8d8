import { useEffect } from 'react';
import { useStoreApi } from '@/store/useAppStore';
import { registerMainStore } from './testApiRegistry';

/** Registers the page's store and, on the dev server and in the test build only, loads window.__lvsLab (its own chunk). */
export function TestApiBridge() {
  const store = useStoreApi();
  useEffect(() => registerMainStore(store), [store]);
  useEffect(() => {
    // A constant in each build: the production bundle drops the import and its chunk.
    if (typeof __LVS_TEST_API__ !== 'undefined' && __LVS_TEST_API__)
      void import('./testApi').then((m) => m.installTestApi());
  }, []);
  return null;
}
