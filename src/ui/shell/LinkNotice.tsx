import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import { labHref } from '../router/route';
import { navigate } from '../router/useRoute';
import { useSession } from '../session/SessionContext';

/** A lab opened from a link beside saved work: say so, and offer the way back to the saved lab. */
export function LinkNotice() {
  const { t } = useTranslation();
  const { mode } = useSession();
  const labId = useAppStore((s) => s.spec.labId);
  if (mode !== 'link') return null;
  const href = labHref(labId);
  return (
    <div className="link-notice" role="status">
      <span>{t('link.opened', { lab: t(`lab.${labId}.name`) })}</span>{' '}
      <a
        href={href}
        onClick={(e) => {
          e.preventDefault();
          navigate(href);
        }}
      >
        {t('link.backToSaved')}
      </a>
    </div>
  );
}
