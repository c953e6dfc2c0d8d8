import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { specLabOf } from '../boot/bootLab';
import { LabSketch } from '../boot/LabSketch';
import '../boot/boot.css';

/**
 * While the session replays a long saved log (in chunks, the page stays responsive) the lab's
 * views wait: they would show a lab half rebuilt. The student sees the lab's topology (from its
 * data, as before the engine loaded), how far the replay got, and can stop it, keeping what has run.
 */
export function ReplayGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const replay = useAppStore((s) => s.replay);
  const stopReplay = useAppStore((s) => s.stopReplay);
  const labId = useAppStore((s) => s.spec.labId);
  const servers = useAppStore((s) => s.spec.servers);
  const clients = useAppStore((s) => s.spec.clients);
  const def = useMemo(() => specLabOf({ labId, servers, clients }), [labId, servers, clients]);
  if (!replay) return <>{children}</>;
  return (
    <main id="main" className="boot-view replay-gate" tabIndex={-1} aria-busy="true">
      <section className="boot-controls panel">
        <h2>{t('replay.label')}</h2>
        <progress max={replay.total} value={replay.done} aria-label={t('replay.label')} />
        <p role="status" aria-live="polite">
          {t('replay.progress', { done: replay.done, total: replay.total })}
        </p>
        <button type="button" onClick={stopReplay}>
          {t('replay.stop')}
        </button>
      </section>
      <section className="stage panel" aria-label={t('stage.label')}>
        {def && <LabSketch def={def} />}
      </section>
    </main>
  );
}
