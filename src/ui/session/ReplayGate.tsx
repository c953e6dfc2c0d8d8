import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';

/**
 * While the session replays a long saved log (in chunks, the page stays responsive) the lab's
 * views wait: they would show a lab half rebuilt. The student sees how far it got and can stop
 * it, keeping what has run.
 */
export function ReplayGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const replay = useAppStore((s) => s.replay);
  const stopReplay = useAppStore((s) => s.stopReplay);
  if (!replay) return <>{children}</>;
  return (
    <main id="main" className="replay-gate" tabIndex={-1} aria-busy="true">
      <h2>{t('replay.label')}</h2>
      <progress max={replay.total} value={replay.done} aria-label={t('replay.label')} />
      <p role="status" aria-live="polite">
        {t('replay.progress', { done: replay.done, total: replay.total })}
      </p>
      <button type="button" onClick={stopReplay}>
        {t('replay.stop')}
      </button>
    </main>
  );
}
