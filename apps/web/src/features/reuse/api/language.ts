import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';

/** The interface's language, which the API writes the explanations in. */
export function useLang(): 'it' | 'en' {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}
