import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { isLanguage } from '../../../lib/i18n/i18n';
import { useFormatters } from '../../../lib/i18n/format';
import { SUGGESTIONS_PAGE_SIZE, useAcceptSuggestion, useSuggestions } from '../api/suggestions';
import type { AcceptAnswer, Suggestion } from '../api/types';
import { canAcceptSuggestions, canDismissSuggestions } from '../utils/permissions';
import { suggestionFilterCount, suggestionFilterFromParams, suggestionFilterToParams } from '../utils/suggestion-filter';
import { CollaborationFilterFields } from './collaboration-filter-fields';
import { DismissDialog } from './dismiss-dialog';
import { SuggestionCard } from './suggestion-card';

/** The name of the organization the list is narrowed to, from the suggestions shown (they all involve it). */
function organizationName(items: readonly Suggestion[] | undefined, id: string | undefined): string | undefined {
  if (!id || !items) return undefined;
  for (const s of items) {
    const found = s.organizations.find((o) => o.id === id);
    if (found) return found.name;
  }
  return undefined;
}

/**
 * The suggestions page: filters in the URL (municipality, theme, organization), the ranked list with
 * each score and its reasons, accept (innovators: a draft introduction activity, linked at once) and
 * dismiss with a reason, pages.
 */
export function SuggestionList() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const { page, ...filter } = suggestionFilterFromParams(params);
  const lang = isLanguage(i18n.language) ? i18n.language : 'it';
  const suggestions = useSuggestions({ ...filter, page, pageSize: SUGGESTIONS_PAGE_SIZE, lang });
  const accept = useAcceptSuggestion();
  const [accepted, setAccepted] = useState<AcceptAnswer | null>(null);
  const [dismissing, setDismissing] = useState<Suggestion | null>(null);
  const [dismissed, setDismissed] = useState<Suggestion | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const resultsId = useId();
  const active = suggestionFilterCount(filter);
  const [filtersOpen, setFiltersOpen] = useState(
    () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 600px)').matches,
  );
  const hrefOf = (organization: string) => `?${suggestionFilterToParams({ ...filter, organization }).toString()}`;
  const orgName = organizationName(suggestions.data?.items, filter.organization);

  // the outcome of a decision takes focus: the card it was on is gone from the list
  useEffect(() => {
    if (accepted || dismissed) outcome.current?.focus();
  }, [accepted, dismissed]);

  const onAccept = canAcceptSuggestions(user.role)
    ? (s: Suggestion) => {
        setDismissed(null);
        accept.mutate({ id: s.id, lang }, { onSuccess: (answer) => setAccepted(answer) });
      }
    : undefined;
  const onDismiss = canDismissSuggestions(user.role)
    ? (s: Suggestion) => {
        setAccepted(null);
        setDismissing(s);
      }
    : undefined;

  return (
    <div className="stack">
      <details className="filters-disclosure" open={filtersOpen} onToggle={(event) => setFiltersOpen(event.currentTarget.open)}>
        <summary>{active ? t('collaborations.filters.summaryActive', { count: active }) : t('collaborations.filters.summary')}</summary>
        <CollaborationFilterFields
          key={params.toString()}
          filter={filter}
          label={t('collaborations.filters.label')}
          onApply={(next) => setParams(suggestionFilterToParams({ ...next, organization: filter.organization }))}
        />
      </details>
      {filter.organization ? (
        <p className="collab-chip">
          {t('collaborations.filters.organization')}: <strong>{orgName ?? '…'}</strong>{' '}
          <Link to={`?${suggestionFilterToParams({ ...filter, organization: undefined }).toString()}`}>
            {t('collaborations.filters.removeOrganization')}
          </Link>
        </p>
      ) : null}
      <div ref={outcome} tabIndex={-1} className="collab-outcome">
        {accepted ? (
          <Alert tone="success" title={t('collaborations.accept.done')}>
            <Link to={`/attivita/${accepted.activity.id}`}>{t('collaborations.accept.open')}</Link>
            {' · '}
            {accepted.activity.title}
          </Alert>
        ) : null}
        {dismissed ? (
          <Alert tone="success">
            {t('collaborations.dismiss.done', { first: dismissed.organizations[0].name, second: dismissed.organizations[1].name })}
          </Alert>
        ) : null}
        {accept.isError ? (
          <Alert tone="error" title={t('collaborations.accept.failed')}>
            {errorMessage(t, accept.error)}
          </Alert>
        ) : null}
      </div>
      <p role="status" className="result-count" id={resultsId}>
        {suggestions.data
          ? t('collaborations.list.count', { count: suggestions.data.total, formatted: format.integer(suggestions.data.total) })
          : ''}
        {suggestions.data?.computedAt
          ? ` ${t('collaborations.list.computedAt', { date: format.dateTime(suggestions.data.computedAt) })}`
          : ''}
      </p>
      {suggestions.isPending ? (
        <Loading />
      ) : !suggestions.data ? (
        <Alert tone="error" title={t('collaborations.list.failed')}>
          {errorMessage(t, suggestions.error)}
        </Alert>
      ) : suggestions.data.items.length ? (
        <ul className="collab-list" aria-labelledby={resultsId}>
          {suggestions.data.items.map((s) => (
            <li key={s.id}>
              <SuggestionCard
                suggestion={s}
                onAccept={onAccept}
                onDismiss={onDismiss}
                accepting={accept.isPending && accept.variables?.id === s.id}
                organizationHref={hrefOf}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p>{active ? t('collaborations.list.emptyFiltered') : t('collaborations.list.empty')}</p>
      )}
      {suggestions.data ? (
        <Pagination
          page={suggestions.data.page}
          pageSize={suggestions.data.pageSize}
          total={suggestions.data.total}
          itemCount={suggestions.data.items.length}
          onPage={(next) => {
            setParams(suggestionFilterToParams(filter, next));
            window.scrollTo({ top: 0 });
          }}
        />
      ) : null}
      {dismissing ? (
        <DismissDialog
          suggestion={dismissing}
          onClose={() => setDismissing(null)}
          onDismissed={(s) => {
            setDismissing(null);
            setDismissed(s);
          }}
        />
      ) : null}
    </div>
  );
}
