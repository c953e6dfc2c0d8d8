import { useTranslation } from 'react-i18next';
import { LANGUAGES, saveLanguage } from '@/i18n/i18n';
import type { LanguageCode } from '@/i18n/i18n';
import { LabList } from './LabList';

export function App() {
  const { t, i18n } = useTranslation();
  const change = (lang: LanguageCode): void => {
    saveLanguage(lang);
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  };
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <p>{t('app.tagline')}</p>
        <label>
          {t('app.language')}{' '}
          <select value={i18n.language} onChange={(e) => change(e.target.value as LanguageCode)}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <p>{t('app.comingSoon')}</p>
        <LabList />
      </main>
    </div>
  );
}
