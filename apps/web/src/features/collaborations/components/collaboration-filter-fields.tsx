import { THEMES } from '@trama/contracts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityRef } from '../../../lib/api/types';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { asMunicipalityRefs, useMunicipalities } from '../../../lib/reference/municipalities';
import type { SuggestionFilter } from '../utils/suggestion-filter';

/** Municipalities the filter offers: an innovator's assigned ones; the others', those they may see. */
function useFilterMunicipalities(): MunicipalityRef[] {
  const user = useSessionUser();
  const innovator = user.role === 'innovator';
  const all = useMunicipalities({ enabled: !innovator, select: asMunicipalityRefs });
  return innovator ? user.assignedMunicipalities : (all.data ?? []);
}

export function CollaborationFilterFields({
  filter,
  onApply,
  label,
}: {
  filter: SuggestionFilter;
  onApply: (filter: SuggestionFilter) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const municipalities = useFilterMunicipalities();
  const [draft, setDraft] = useState<SuggestionFilter>(filter);
  const themes = useMemo(() => [...THEMES].sort((a, b) => format.compare(t(`vocab.theme.${a}`), t(`vocab.theme.${b}`))), [format, t]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filters stack-tight" role="search" aria-label={label} onSubmit={submit}>
      <div className="filters__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-municipality`}>
            {t('collaborations.filters.municipality')}
          </label>
          <select
            id={`${id}-municipality`}
            className="input"
            value={draft.municipality ?? ''}
            onChange={(e) => setDraft({ ...draft, municipality: e.target.value || undefined })}
          >
            <option value="">{t('collaborations.filters.any')}</option>
            {municipalities.map((m) => (
              <option key={m.istatCode} value={m.istatCode}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-theme`}>
            {t('collaborations.filters.theme')}
          </label>
          <select
            id={`${id}-theme`}
            className="input"
            value={draft.theme ?? ''}
            onChange={(e) => setDraft({ ...draft, theme: (e.target.value || undefined) as SuggestionFilter['theme'] })}
          >
            <option value="">{t('collaborations.filters.any')}</option>
            {themes.map((theme) => (
              <option key={theme} value={theme}>
                {t(`vocab.theme.${theme}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="collab-actions">
        <button type="submit" className="button button--primary">
          {t('collaborations.filters.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onApply({})}>
          {t('collaborations.filters.clear')}
        </button>
      </div>
    </form>
  );
}
