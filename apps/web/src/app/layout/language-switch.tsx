import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../lib/i18n/i18n';

/** Each language is named in itself, so that a person can find theirs whatever the current one. */
const NATIVE_NAMES: Record<Language, string> = { it: 'Italiano', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => {
        const current = i18n.language === language;
        return (
          <button
            key={language}
            type="button"
            lang={language}
            className="language-switch__option"
            aria-pressed={current}
            onClick={() => {
              if (!current) void i18n.changeLanguage(language);
            }}
          >
            {NATIVE_NAMES[language]}
          </button>
        );
      })}
    </div>
  );
}
