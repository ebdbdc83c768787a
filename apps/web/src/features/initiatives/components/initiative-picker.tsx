import { useEffect, useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useInitiatives } from '../api/list-initiatives';
import '../initiatives.css';

export interface PickedInitiative {
  id: string;
  title: string;
}

export interface InitiativePickerProps {
  label: string;
  value: PickedInitiative | null;
  onChange: (value: PickedInitiative | null) => void;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Links a record (an activity) to one initiative: a search by title (GET /api/initiatives?q=, accents
 * ignored) and a short list of buttons; the choice shows with a button to remove it. Given to other
 * features' forms by the routes (features do not import each other).
 */
export function InitiativePicker({ label, value, onChange, error, ref }: InitiativePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const results = useInitiatives({ q, pageSize: 8, page: 1 }, q.length >= 2);
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`}>
      <legend>{label}</legend>
      {value ? (
        <p className="initiative-status-actions">
          <span>{value.title}</span>
          <button type="button" className="button button--secondary button--small" onClick={() => onChange(null)}>
            {t('activities.form.initiativeClear')}
          </button>
        </p>
      ) : (
        <p className="field__hint">{t('activities.form.initiativeNone')}</p>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}q`}>
          {t('activities.form.initiativeSearch')}
        </label>
        <input
          ref={ref}
          id={`${id}q`}
          className="input"
          type="search"
          autoComplete="off"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}e` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {q.length >= 2 && results.data ? (
        results.data.items.length ? (
          <ul className="initiative-list" aria-label={t('activities.form.initiativeSearch')}>
            {results.data.items.map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    onChange({ id: i.id, title: i.title });
                    setText('');
                  }}
                >
                  {i.title} · {i.municipality.name}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">{t('activities.form.initiativeNoMatch')}</p>
        )
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}e`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
