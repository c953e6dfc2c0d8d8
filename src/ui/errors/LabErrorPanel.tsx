import { useTranslation } from 'react-i18next';
import type { AppStore } from '@/store/createAppStore';
import { downloadLabLog } from './download';

/** What the user sees instead of a lab that failed to render, and the two ways out. */
export function LabErrorPanel({
  store,
  error,
  onReset,
}: {
  store: AppStore;
  error: Error;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const labId = store.getState().spec.labId;
  const lab = t(`lab.${labId}.name`);
  return (
    <main id="main" className="lab-error" tabIndex={-1}>
      <section role="alert" aria-labelledby="lab-error-title">
        <h2 id="lab-error-title">{t('recovery.crashTitle', { lab })}</h2>
        <p>{t('recovery.crashWhat')}</p>
        <p>{t('recovery.crashOthersSafe')}</p>
        <div className="lab-error-actions">
          <button type="button" className="primary" onClick={() => downloadLabLog(store.getState().spec)}>
            {t('recovery.downloadLog', { lab })}
          </button>
          <button type="button" onClick={onReset}>
            {t('recovery.resetLab', { lab })}
          </button>
        </div>
        <details>
          <summary>{t('recovery.details')}</summary>
          <pre>{`${error.name}: ${error.message}`}</pre>
        </details>
      </section>
    </main>
  );
}
