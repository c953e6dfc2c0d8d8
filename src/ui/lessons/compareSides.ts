import { createContext, useContext } from 'react';
import type { Side } from '@/lessons';
import type { AppStore } from '@/store/createAppStore';

/** On the side-by-side view, the lesson player drives both labs: NAT's store and DR's. */
export type SideStores = Record<Side, AppStore>;

export const CompareSidesContext = createContext<SideStores | null>(null);

/** Both labs' stores when the player sits beside the compare view, else null (one lab). */
export const useCompareSides = (): SideStores | null => useContext(CompareSidesContext);
