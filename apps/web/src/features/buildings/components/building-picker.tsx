import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebounced } from '../../../lib/hooks/use-debounced';
import { useBuildings } from '../api/list-buildings';
import '../buildings.css';

export interface PickedBuilding {
  id: string;
  name: string;
}

export interface BuildingPickerProps {
  label: string;
  value: PickedBuilding | null;
  onChange: (value: PickedBuilding | null) => void;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * Links a record (an activity, an initiative) to one building: a search by name or address
 * (GET /api/buildings?q=, accents ignored) and a short list of buttons; the choice shows as a link to
 * the building with a button to remove it. Given to other features' forms by the routes (features
 * do not import each other).
 */
export function BuildingPicker({ label, value, onChange, error, ref }: BuildingPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const results = useBuildings({ q, pageSize: 8, page: 1 }, q.length >= 2);
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`}>
      <legend>{label}</legend>
      {value ? (
        <p className="building-picker__choice">
          <Link to={`/immobili/${value.id}`}>{value.name}</Link>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('buildings.picker.clearNamed', { name: value.name })}
            onClick={() => onChange(null)}
          >
            {t('buildings.picker.clear')}
          </button>
        </p>
      ) : (
        <p className="field__hint">{t('buildings.picker.none')}</p>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}q`}>
          {t('buildings.picker.search')}
        </label>
        <input
          ref={ref}
          id={`${id}q`}
          className="input"
          type="search"
          autoComplete="off"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}e` : `${id}h`}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter in the search must not submit the form around it
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
        <p className="field__hint" id={`${id}h`}>
          {t('buildings.picker.hint')}
        </p>
      </div>
      {q.length >= 2 && results.data ? (
        results.data.items.length ? (
          <ul className="building-picker__results" aria-label={t('buildings.picker.results')}>
            {results.data.items.map((b) => (
              <li key={b.id}>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    onChange({ id: b.id, name: b.name });
                    setText('');
                  }}
                >
                  {b.name} · {b.municipality.name}
                  {b.address ? ` · ${b.address}` : ''}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">{t('buildings.picker.noMatch')}</p>
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
