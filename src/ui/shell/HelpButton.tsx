import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';

export function HelpButton() {
  const { t } = useTranslation();
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={t('help.open')}
      aria-keyshortcuts="?"
      onClick={() => setHelpOpen(true)}
    >
      ?
    </button>
  );
}
