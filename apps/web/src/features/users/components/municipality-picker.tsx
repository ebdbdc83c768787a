import { useId, useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';
import type { ReferenceOption } from '../../../lib/reference/reference-option';

interface MunicipalityPickerProps {
  legend: string;
  options: ReferenceOption[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  disabled?: boolean;
  /** when a heading right above already says what the list is */
  hideLegend?: boolean;
  /** receives the filter box: react-hook-form focuses it when the field has an error */
  ref?: Ref<HTMLInputElement>;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A multi-select for municipalities: a filter box over a list of checkboxes (keyboard and screen-reader friendly). */
export function MunicipalityPicker({ legend, options, value, onChange, error, disabled, hideLegend, ref }: MunicipalityPickerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [filter, setFilter] = useState('');
  const id = useId();
  const selected = useMemo(() => new Set(value), [value]);
  const sorted = useMemo(() => [...options].sort((a, b) => format.compare(a.name, b.name)), [options, format]);
  const shown = sorted.filter(
    (o) => !filter || fold(o.name).includes(fold(filter)) || o.code.includes(filter) || fold(o.group ?? '').includes(fold(filter)),
  );

  const toggle = (code: string, checked: boolean) => {
    onChange(checked ? [...value, code] : value.filter((c) => c !== code));
  };

  return (
    <fieldset
      className={`picker${error ? ' field--invalid' : ''}`}
      aria-describedby={`${id}-count${error ? ` ${id}-error` : ''}`}
      disabled={disabled}
    >
      <legend className={hideLegend ? 'sr-only' : 'field__label'}>{legend}</legend>
      <p className="field__hint" id={`${id}-count`}>
        {t('users.picker.selected', { count: value.length, formatted: format.integer(value.length) })}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <label className="sr-only" htmlFor={`${id}-filter`}>
        {t('users.picker.filter')}
      </label>
      <input
        ref={ref}
        id={`${id}-filter`}
        className="input"
        type="search"
        placeholder={t('users.picker.filter')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        autoComplete="off"
      />
      <ul className="picker__list">
        {shown.map((option) => (
          <li key={option.code}>
            <label className="check">
              <input type="checkbox" checked={selected.has(option.code)} onChange={(event) => toggle(option.code, event.target.checked)} />
              <span>
                {option.name}{' '}
                <span className="muted">
                  ({option.code}
                  {option.group ? ` · ${option.group}` : ''})
                </span>
              </span>
            </label>
          </li>
        ))}
        {shown.length === 0 ? <li className="muted">{t('users.picker.none')}</li> : null}
      </ul>
    </fieldset>
  );
}
