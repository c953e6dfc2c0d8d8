import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onStorageFull } from '@/store/safeStorage';
import { useStoreApi } from '@/store/useAppStore';
import { downloadLabLog } from './download';

/**
 * The browser's storage is full, so the lab's latest work is not being saved (it is still all
 * here, in memory): say so without blocking anything, and offer the log as a file. Once
 * dismissed it stays away for this page; the work keeps running either way.
 */
export function StorageFullNotice() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const [full, setFull] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => onStorageFull(() => setFull(true)), []);
  if (!full || dismissed) return null;
  return (
    <div className="recovery-notice" role="status" aria-live="polite">
      <span>{t('recovery.storageFull')}</span>
      <button type="button" onClick={() => downloadLabLog(store.getState().spec)}>
        {t('recovery.downloadLog', { lab: t(`lab.${store.getState().spec.labId}.name`) })}
      </button>
      <button type="button" className="quiet" onClick={() => setDismissed(true)}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
