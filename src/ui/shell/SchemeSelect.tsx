import { useTranslation } from 'react-i18next';
import { useAppStore } from '@/store/useAppStore';
import type { Scheme } from '@/store/types';

const SCHEMES: Scheme[] = ['light', 'dark', 'projector'];

export function SchemeSelect() {
  const { t } = useTranslation();
  const scheme = useAppStore((s) => s.scheme);
  const setScheme = useAppStore((s) => s.setScheme);
  return (
    <label className="field-inline">
      <span className="field-label">{t('scheme.label')}</span>
      <select value={scheme} onChange={(e) => setScheme(e.target.value as Scheme)}>
        {SCHEMES.map((s) => (
          <option key={s} value={s}>
            {t(`scheme.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
