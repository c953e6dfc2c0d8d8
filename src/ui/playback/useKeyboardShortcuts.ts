import { useEffect } from 'react';
import { useStoreApi } from '@/store/useAppStore';

/** Keys typed into these keep their own meaning. */
function isTextTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.closest('.xterm, dialog, [role="tablist"]')) return true;
  const tag = t.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * Space plays and pauses, ← and → step one event (with Shift, one frame), Home and End jump,
 * S sends a request, ? opens the help. Buttons keep Space and Enter for themselves.
 */
export function useKeyboardShortcuts(): void {
  const store = useStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTextTarget(e.target)) return;
      const s = store.getState();
      const onButton = e.target instanceof HTMLElement && e.target.closest('button, a, [role="button"]');
      let handled = true;
      if (e.key === ' ' && !onButton) s.togglePlay();
      else if (e.key === 'ArrowRight') {
        if (e.shiftKey) s.stepFrame(1);
        else s.stepForward();
      } else if (e.key === 'ArrowLeft') {
        if (e.shiftKey) s.stepFrame(-1);
        else s.stepBack();
      } else if (e.key === 'Home') s.seek(0);
      else if (e.key === 'End') s.seek(Number.MAX_SAFE_INTEGER);
      else if (e.key === 's' || e.key === 'S') s.sendRequest(1);
      else if (e.key === '?') s.setHelpOpen(true);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
