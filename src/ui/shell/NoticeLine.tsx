import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';

/** A polite live region for what the app did on the user's behalf (history forked, …). */
export function NoticeLine() {
  const { t } = useTranslation();
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return (
    <div className="notice-line" role="status" aria-live="polite">
      {notice && (
        <>
          <span>{t(notice.key, notice.params ?? {})}</span>
          <button type="button" className="link-button" onClick={dismiss}>
            {t('notice.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
