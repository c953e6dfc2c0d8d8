import { useMemo, useSyncExternalStore } from 'react';
import type { Finding } from '@/engine';
import { useAppStore } from '@/store/useAppStore';
import {
  allFindings,
  countFindingsBefore,
  findingsVersion,
  subscribeFindings,
} from '../model/findingsAtCursor';
import { useLab } from './useLab';

/**
 * The findings that have happened at the playback cursor (never a later one). Re-renders only when
 * that set changes, not on every step of the cursor.
 */
export function useFindings(): readonly Finding[] {
  const { model } = useLab();
  // A fork's scan catching up in the background re-renders this when it is done.
  useSyncExternalStore(subscribeFindings, findingsVersion);
  const all = allFindings(model.trace);
  // Counted, not sliced: the store checks this at every animation frame while the clock moves.
  const count = useAppStore((s) => countFindingsBefore(all, s.cursor));
  // The same array while the set is the same, so views can memoise on it.
  return useMemo(() => (count === all.length ? all : all.slice(0, count)), [all, count]);
}
