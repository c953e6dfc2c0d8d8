import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';

/** Said at once (role=alert) when this tab stopped saving because another tab owns the saved work. */
export function TabNotice() {
  const { t } = useTranslation();
  const detached = useAppStore((s) => s.detached);
  const [dismissed, setDismissed] = useState(false);
  if (!detached || dismissed) return null;
  return (
    <div className="link-notice tab-notice" role="alert">
      <span>{t('tabs.second')}</span>{' '}
      <button type="button" className="link-button" onClick={() => setDismissed(true)}>
        {t('tabs.dismiss')}
      </button>
    </div>
  );
}
