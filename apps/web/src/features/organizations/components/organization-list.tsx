import { REGISTER_EXPORT_FORMATS, type RegisterExportFormat } from '@trama/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { errorMessage } from '../../../lib/api/error-message';
import type { MunicipalityRef } from '../../../lib/api/types';
import { useSessionUser } from '../../../lib/auth/session';
import {
  OrganizationFilterFields,
  organizationFilterCount,
  organizationFilterFromParams,
  organizationFilterQuery,
  organizationFilterToParams,
} from '../../../lib/filters/organizations';
import { useFormatters } from '../../../lib/i18n/format';
import { asMunicipalityRefs, useMunicipalities } from '../../../lib/reference/municipalities';
import { LIST_PAGE_SIZE, useExportOrganizations, useOrganizations } from '../api/organizations';
import type { OrganizationDto } from '../api/types';
import '../organizations.css';

/** Municipalities the filter offers: those the user may see. */
function useFilterMunicipalities(): MunicipalityRef[] {
  const options = useMunicipalities({ select: asMunicipalityRefs });
  return options.data ?? [];
}

export function OrganizationCard({ organization }: { organization: OrganizationDto }) {
  const { t } = useTranslation();
  return (
    <article className="org-card">
      <h2 className="org-card__title">
        <Link to={`/organizzazioni/${organization.id}`}>{organization.name}</Link>
      </h2>
      <ul className="org-card__meta">
        <li>{t(`vocab.organizationKind.${organization.kind}`)}</li>
        <li>
          <span className="sr-only">{t('organizations.fields.municipality')}: </span>
          {organization.municipality.name}
        </li>
        {!organization.active ? <li>{t('organizations.inactive')}</li> : null}
        {organization.location ? null : <li>{t('organizations.notPlaced')}</li>}
        <li>{t('organizations.completenessValue', { value: organization.completeness })}</li>
      </ul>
    </article>
  );
}

function ExportButtons({ query }: { query: ReturnType<typeof organizationFilterQuery> }) {
  const { t } = useTranslation();
  const exporter = useExportOrganizations();
  const [format, setFormat] = useState<RegisterExportFormat | null>(null);
  return (
    <div className="stack-tight">
      <div className="export" role="group" aria-label={t('organizations.export.label')}>
        <span className="export__label" aria-hidden="true">
          {t('organizations.export.label')}:
        </span>
        {REGISTER_EXPORT_FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            className="button button--secondary button--small"
            disabled={exporter.isPending}
            onClick={() => {
              setFormat(f);
              exporter.mutate({ ...query, format: f });
            }}
          >
            {exporter.isPending && format === f ? t('activities.export.preparing') : t(`organizations.export.formats.${f}`)}
          </button>
        ))}
      </div>
      {exporter.isError ? (
        <Alert tone="error" title={t('activities.export.failed')}>
          {errorMessage(t, exporter.error)}
        </Alert>
      ) : null}
    </div>
  );
}

/** The register: filters (in the URL), the count, the exports of what is listed, the cards, pages. */
export function OrganizationList() {
  const { t } = useTranslation();
  const format = useFormatters();
  useSessionUser();
  const [params, setParams] = useSearchParams();
  const filter = organizationFilterFromParams(params);
  const pageNumber = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const query = { ...organizationFilterQuery(filter), page: pageNumber, pageSize: LIST_PAGE_SIZE };
  const organizations = useOrganizations(query);
  const municipalities = useFilterMunicipalities();
  const resultsId = useId();
  const active = organizationFilterCount(filter);
  const [filtersOpen, setFiltersOpen] = useState(
    () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 600px)').matches,
  );
  return (
    <div className="stack">
      <details className="filters-disclosure" open={filtersOpen} onToggle={(event) => setFiltersOpen(event.currentTarget.open)}>
        <summary>{active ? t('organizations.filters.summaryActive', { count: active }) : t('organizations.filters.summary')}</summary>
        <OrganizationFilterFields
          key={params.toString()}
          filter={filter}
          municipalities={municipalities}
          onApply={(next) => setParams(organizationFilterToParams(next))}
          onClear={() => setParams(new URLSearchParams())}
        />
      </details>
      <div className="activity-toolbar">
        <p role="status" className="result-count" id={resultsId}>
          {organizations.data
            ? t('organizations.list.count', { count: organizations.data.total, formatted: format.integer(organizations.data.total) })
            : ''}
        </p>
        <ExportButtons query={organizationFilterQuery(filter)} />
      </div>
      {organizations.isPending ? (
        <Loading />
      ) : organizations.isError ? (
        <Alert tone="error" title={t('organizations.list.failed')}>
          {errorMessage(t, organizations.error)}
        </Alert>
      ) : organizations.data.items.length ? (
        <ul className="org-list" aria-labelledby={resultsId}>
          {organizations.data.items.map((o) => (
            <li key={o.id}>
              <OrganizationCard organization={o} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{active ? t('organizations.list.emptyFiltered') : t('organizations.list.empty')}</p>
      )}
      {organizations.data ? (
        <Pagination
          page={organizations.data.page}
          pageSize={organizations.data.pageSize}
          total={organizations.data.total}
          itemCount={organizations.data.items.length}
          onPage={(page) => {
            setParams(organizationFilterToParams(filter, { page: String(page) }));
            window.scrollTo({ top: 0 });
          }}
        />
      ) : null}
    </div>
  );
}
