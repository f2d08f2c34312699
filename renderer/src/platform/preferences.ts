import { LANGUAGES, type Language } from '../i18n';

const LANGUAGE_KEY = 'crm.language';
/** Where Mantine's color scheme manager keeps the chosen scheme (app.tsx; boot-look.js reads it before the first paint). */
export const COLOR_SCHEME_KEY = 'crm.color-scheme';

/** The UI language chosen on this machine (zh-CN unless the person switched). */
export function loadLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'zh-CN';
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
}
