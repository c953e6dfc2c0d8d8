import { useEffect } from 'react';
import { useStoreApi } from '@/store/useAppStore';
import { registerMainStore, testApiWanted } from './testApiRegistry';

/** Registers the page's store and, in dev and test runs only, loads window.__lvsLab (its own chunk). */
export function TestApiBridge() {
  const store = useStoreApi();
  useEffect(() => registerMainStore(store), [store]);
  useEffect(() => {
    if (testApiWanted()) void import('./testApi').then((m) => m.installTestApi());
  }, []);
  return null;
}
