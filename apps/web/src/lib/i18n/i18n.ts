import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
// Only the sections the pages before sign-in need are in the first bundle: named imports of a JSON
// module are tree-shaken, so the signed-in pages' texts (most of the catalogue) load with the
// signed-in shell (`loadSignedInTexts`, called by the router), not with the login page.
import {
  a11y,
  app,
  common,
  errors,
  fieldMode,
  forcedPassword,
  forgotPassword,
  language,
  legal,
  locationPicker,
  login,
  map,
  nav,
  notFound,
  password,
  resetPassword,
  roles,
  routeError,
  session,
  tenantLogo,
  userMenu,
  validation,
} from './it.json';

const it = {
  a11y,
  app,
  common,
  errors,
  fieldMode,
  forcedPassword,
  forgotPassword,
  language,
  legal,
  locationPicker,
  login,
  map,
  nav,
  notFound,
  password,
  resetPassword,
  roles,
  routeError,
  session,
  tenantLogo,
  userMenu,
  validation,
};

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'it';
export const LANGUAGE_STORAGE_KEY = 'trama.language';

/** BCP 47 locales used by Intl for each interface language. */
const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function localeOf(language: string): string {
  return isLanguage(language) ? LOCALES[language] : LOCALES[DEFAULT_LANGUAGE];
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/**
 * Italian (the default) is in the first bundle; another language's catalogue is fetched when it is
 * chosen, so that a phone on a slow network downloads one catalogue. i18next switches language
 * only once the catalogue is in (`changeLanguage` resolves then), and main.tsx renders after
 * `i18nReady`, so no page shows a mix of the two.
 */
const catalogues: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load: Promise<ResourceKey> = language === 'en' ? import('./en.json').then((m) => m.default) : Promise.resolve(it);
    load.then(
      (resources) => callback(null, resources),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Resolves when the stored language's catalogue is loaded (at once for Italian). */
export const i18nReady = i18n
  .use(catalogues)
  .use(initReactI18next)
  .init({
    resources: { it: { translation: it } },
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });

applyLanguage(i18n.language);
i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage unavailable (private mode): the choice lasts for this page only
  }
});

export { i18n };

let signedInTexts: Promise<void> | undefined;
/**
 * The whole Italian catalogue, added to the sections of the first bundle: the signed-in shell waits for
 * it (once per page load). `?raw` makes it a module of its own, apart from the tree-shaken named imports.
 */
export function loadSignedInTexts(): Promise<void> {
  return (signedInTexts ??= import('./it.json?raw').then((m: { default: string | ResourceKey }) => {
    const all = (typeof m.default === 'string' ? JSON.parse(m.default) : m.default) as ResourceKey;
    i18n.addResourceBundle('it', 'translation', all, true, true);
  }));
}
