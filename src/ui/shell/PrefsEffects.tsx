import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ensureLanguage } from '@/i18n/i18n';
import { useAppStore } from '@/store/useAppStore';

/** Apply the preferences to the document: language (i18next and <html lang>) and colour scheme. */
export function PrefsEffects() {
  const { i18n } = useTranslation();
  const language = useAppStore((s) => s.language);
  const scheme = useAppStore((s) => s.scheme);
  useEffect(() => {
    let live = true;
    void ensureLanguage(language).then(() => {
      if (!live) return;
      document.documentElement.lang = language;
      if (i18n.language !== language) void i18n.changeLanguage(language);
    });
    return () => {
      live = false;
    };
  }, [language, i18n]);
  useEffect(() => {
    document.documentElement.dataset.scheme = scheme;
  }, [scheme]);
  return null;
}
