import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../api/types';

/**
 * Text of a legal page in the interface language: the English text when there is one, otherwise the
 * Italian (the legal text), marked `lang="it"` so that a screen reader reads it as Italian.
 */
export function useLocalized() {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (text: LocalizedText): { text: string; lang?: string } =>
    english && text.en.trim() ? { text: text.en } : { text: text.it, lang: english ? 'it' : undefined };
}

/** A paragraph of a legal page, with its line breaks. */
export function LocalizedParagraph({ text }: { text: LocalizedText }) {
  const pick = useLocalized();
  const shown = pick(text);
  return (
    <p className="legal__text" lang={shown.lang}>
      {shown.text}
    </p>
  );
}

/** A name of a legal page (entity, site) inline. */
export function LocalizedName({ text }: { text: LocalizedText }) {
  const pick = useLocalized();
  const shown = pick(text);
  return <span lang={shown.lang}>{shown.text}</span>;
}
