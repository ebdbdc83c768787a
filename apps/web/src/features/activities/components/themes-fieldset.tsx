import { THEMES, type Theme } from '@trama/contracts';
import { useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';

interface ThemesFieldsetProps {
  legend: string;
  value: readonly string[];
  onChange: (value: Theme[]) => void;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/** The programme's themes as a group of checkboxes, in the language's alphabetical order. */
export function ThemesFieldset({ legend, value, onChange, error, ref }: ThemesFieldsetProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const selected = new Set(value);
  const themes = useMemo(() => [...THEMES].sort((a, b) => format.compare(t(`vocab.theme.${a}`), t(`vocab.theme.${b}`))), [format, t]);
  const toggle = (theme: Theme, checked: boolean) => onChange(THEMES.filter((th) => (th === theme ? checked : selected.has(th))));
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`}>
      <legend>{legend}</legend>
      {error ? <p className="field__error">{error}</p> : null}
      <ul className="themes">
        {themes.map((theme, index) => (
          <li key={theme}>
            <label className="check">
              <input
                ref={index === 0 ? ref : undefined}
                type="checkbox"
                checked={selected.has(theme)}
                onChange={(e) => toggle(theme, e.target.checked)}
              />
              <span>{t(`vocab.theme.${theme}`)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
