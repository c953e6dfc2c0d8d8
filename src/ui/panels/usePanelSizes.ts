import { useAppStore } from '@/store/useAppStore';
import { DEFAULT_SIZES, sizesFrom } from '../layout/panelSizes';
import type { PanelSizes, PanelSplit } from '../layout/panelSizes';

/** The lab view's splits in the current scheme (saved, else its default), and how to move one. */
export function usePanelSizes(): { sizes: PanelSizes; setSize(split: PanelSplit, percent: number): void } {
  const scheme = useAppStore((s) => s.scheme);
  const saved = useAppStore((s) => s.panelSizes[s.scheme]);
  const setPanelSize = useAppStore((s) => s.setPanelSize);
  return {
    sizes: sizesFrom(saved, DEFAULT_SIZES[scheme]),
    setSize: (split, percent) => setPanelSize(scheme, split, percent),
  };
}
