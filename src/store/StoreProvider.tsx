import { createContext, useState } from 'react';
import type { ReactNode } from 'react';
import { createAppStore } from './createAppStore';
import type { AppStore, StoreOptions } from './createAppStore';

export const StoreContext = createContext<AppStore | null>(null);

/** Gives the tree below its own store (xyflow's pattern): tests and panes never share state. */
export function StoreProvider({
  children,
  store,
  options,
}: {
  children: ReactNode;
  store?: AppStore;
  options?: StoreOptions;
}) {
  const [own] = useState(() => store ?? createAppStore(options));
  return <StoreContext.Provider value={own}>{children}</StoreContext.Provider>;
}
