import type { MunicipalityRef } from '../../../lib/api/types';
import type { OrganizationDto } from '../api/types';
import { useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveRegion } from '../../../components/alert';
import { errorMessage } from '../../../lib/api/error-message';
import { useOrganizationSearch } from '../api/search-organizations';
import '../organizations.css';
import { useDebounced } from '../utils/use-debounced';
import { CreateOrganizationInline } from './create-organization-inline';

export interface PickedOrganization {
  id: string;
  name: string;
}

export interface OrganizationPickerProps {
  legend: string;
  value: PickedOrganization[];
  onChange: (value: PickedOrganization[]) => void;
  /** ISTAT code: the default municipality of an organization created here */
  municipality: string;
  /** where the user may register organizations */
  municipalities: MunicipalityRef[];
  error?: string;
  /** receives the search box: react-hook-form focuses it when the field has an error */
  ref?: Ref<HTMLInputElement>;
}

type Option = { kind: 'organization'; organization: OrganizationDto } | { kind: 'create'; name: string };

const MIN_CHARS = 2;

/**
 * Organizations involved, picked from the register with a typeahead (ARIA combobox + listbox), or
 * registered on the spot when they are not there yet.
 */
export function OrganizationPicker({ legend, value, onChange, municipality, municipalities, error, ref }: OrganizationPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [creating, setCreating] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const q = useDebounced(text.trim(), 250);
  const search = useOrganizationSearch(q);
  const selected = new Set(value.map((o) => o.id));

  const ready = q.length >= MIN_CHARS && q === text.trim();
  const found = ready && search.data ? search.data.items.filter((o) => !selected.has(o.id)) : [];
  const options: Option[] = [
    ...found.map((organization) => ({ kind: 'organization' as const, organization })),
    ...(ready && !search.isFetching ? [{ kind: 'create' as const, name: text.trim() }] : []),
  ];
  const expanded = open && text.trim().length >= MIN_CHARS;

  const setInput = (element: HTMLInputElement | null) => {
    inputRef.current = element;
    if (typeof ref === 'function') ref(element);
    else if (ref) (ref as { current: HTMLInputElement | null }).current = element;
  };

  const choose = (option: Option) => {
    if (option.kind === 'create') {
      setCreating(option.name);
      setOpen(false);
      return;
    }
    onChange([...value, { id: option.organization.id, name: option.organization.name }]);
    setAnnouncement(t('organizations.picker.added', { name: option.organization.name }));
    setText('');
    setOpen(false);
    setActive(-1);
  };

  const remove = (organization: PickedOrganization) => {
    onChange(value.filter((o) => o.id !== organization.id));
    setAnnouncement(t('organizations.picker.removed', { name: organization.name }));
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : -1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
    } else if (event.key === 'Enter') {
      // Never submits the activity form from here.
      event.preventDefault();
      if (expanded && active >= 0 && options[active]) choose(options[active]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const status = !expanded
    ? ''
    : q !== text.trim() || search.isFetching
      ? t('organizations.picker.searching')
      : search.isError
        ? errorMessage(t, search.error)
        : found.length === 0
          ? t('organizations.picker.noMatch')
          : t('organizations.picker.results', { count: found.length });

  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <LiveRegion message={announcement} />
      {value.length ? (
        <ul className="org-picker__selected" aria-label={t('organizations.picker.selected')}>
          {value.map((organization) => (
            <li key={organization.id} className="chip">
              <span className="chip__name">{organization.name}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('organizations.picker.remove', { name: organization.name })}
                onClick={() => remove(organization)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field__hint">{t('organizations.picker.none')}</p>
      )}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {creating !== null ? (
        <CreateOrganizationInline
          name={creating}
          municipality={municipality}
          municipalities={municipalities}
          onCreated={(organization) => {
            onChange([...value, { id: organization.id, name: organization.name }]);
            setAnnouncement(t('organizations.picker.created', { name: organization.name }));
            setCreating(null);
            setText('');
            inputRef.current?.focus();
          }}
          onCancel={() => {
            setCreating(null);
            inputRef.current?.focus();
          }}
        />
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-input`}>
            {t('organizations.picker.search')}
          </label>
          <p className="field__hint" id={`${id}-hint`}>
            {t('organizations.picker.hint')}
          </p>
          <div className="combo">
            <input
              ref={setInput}
              id={`${id}-input`}
              className="input"
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
              aria-describedby={`${id}-hint ${id}-status`}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setOpen(true);
                setActive(-1);
              }}
              onKeyDown={onKeyDown}
              onFocus={() => setOpen(true)}
              onBlur={() => setOpen(false)}
            />
            <ul
              id={listId}
              role="listbox"
              className="combo__list"
              aria-label={t('organizations.picker.results', { count: found.length })}
              hidden={!expanded || options.length === 0}
            >
              {options.map((option, index) => (
                // Options are chosen with the pointer (mousedown keeps the focus in the input) or with the keyboard on the input.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                <li
                  key={option.kind === 'create' ? 'create' : option.organization.id}
                  id={`${id}-opt-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={`combo__option${option.kind === 'create' ? ' combo__option--create' : ''}`}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  {option.kind === 'create' ? (
                    <span>{t('organizations.picker.createNamed', { name: option.name })}</span>
                  ) : (
                    <>
                      <span>{option.organization.name}</span>
                      <span className="combo__meta">
                        {t(`vocab.organizationKind.${option.organization.kind}`)} · {option.organization.municipality.name}
                      </span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
          <p className="sr-only" id={`${id}-status`} role="status">
            {status}
          </p>
          <p>
            <button type="button" className="link-button" onClick={() => setCreating(text.trim())}>
              {t('organizations.picker.createNew')}
            </button>
          </p>
        </div>
      )}
    </fieldset>
  );
}
