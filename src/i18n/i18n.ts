import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readItem, writeItem } from '@/store/safeStorage';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'lvs-lab.lang';

/** The saved choice, else the browser's language when it is Chinese, else English. */
export function initialLanguage(): LanguageCode {
  const saved = readItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function saveLanguage(lang: LanguageCode): void {
  writeItem(STORAGE_KEY, lang);
}

/** Each catalog is its own chunk: a page loads English (the fallback) and the language it shows. */
const CATALOGS: Record<LanguageCode, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./locales/en.json'),
  'zh-CN': () => import('./locales/zh-CN.json'),
};

/** Make sure a language's catalog is in i18next before switching to it. */
export async function ensureLanguage(lang: LanguageCode): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  const { default: messages } = await CATALOGS[lang]();
  i18next.addResourceBundle(lang, 'translation', messages, true, true);
}

export async function initI18n(lang: LanguageCode = initialLanguage()): Promise<typeof i18next> {
  const [en, own] = await Promise.all([CATALOGS.en(), lang === 'en' ? undefined : CATALOGS[lang]()]);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en.default }, ...(own ? { [lang]: { translation: own.default } } : {}) },
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    // A code the catalogs do not know yet (a new drop reason) shows as itself, not as a key path.
    parseMissingKeyHandler: (key: string) => key.slice(key.lastIndexOf('.') + 1),
  });
  return i18next;
}
