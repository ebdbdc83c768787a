import { REGISTER_EXPORT_FORMATS, type RegisterExportFormat } from '@trama/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { errorMessage } from '../../../lib/api/error-message';
import {
  InitiativeFilterFields,
  initiativeFilterCount,
  initiativeFilterFromParams,
  initiativeFilterQuery,
  initiativeFilterToParams,
  type InitiativeFilter,
} from '../../../lib/filters/initiatives';
import { useFormatters } from '../../../lib/i18n/format';
import { asMunicipalityRefs, useMunicipalities } from '../../../lib/reference/municipalities';
import { useExportInitiatives } from '../api/export-initiatives';
import { useInitiatives } from '../api/list-initiatives';
import type { InitiativeDto } from '../api/types';
import '../initiatives.css';
import { InitiativeStatusBadge } from './status-badge';

const PAGE_SIZE = 20;
const EXPORT_LABELS: Record<RegisterExportFormat, string> = {
  csv: 'initiatives.export.csv',
  'csv-it': 'initiatives.export.csvIt',
  xlsx: 'initiatives.export.xlsx',
  geojson: 'initiatives.export.geojson',
};

export function InitiativeCard({
  initiative,
}: {
  initiative: Pick<InitiativeDto, 'id' | 'title' | 'status' | 'municipalities' | 'leadOrganization' | 'startDate'>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <article className="initiative-card">
      <div className="initiative-card__head">
        <h2 className="initiative-card__title">
          <Link to={`/iniziative/${initiative.id}`}>{initiative.title}</Link>
        </h2>
        <InitiativeStatusBadge status={initiative.status} />
      </div>
      <ul className="initiative-card__meta">
        <li>
          <span className="sr-only">{t('initiatives.fields.municipalities')}: </span>
          {initiative.municipalities.map((m) => m.name).join(', ')}
        </li>
        {initiative.leadOrganization ? (
          <li>
            <span className="sr-only">{t('initiatives.fields.leadOrganization')}: </span>
            {initiative.leadOrganization.name}
          </li>
        ) : null}
        {initiative.startDate ? (
          <li>
            <span className="sr-only">{t('initiatives.fields.startDate')}: </span>
            {format.date(initiative.startDate)}
          </li>
        ) : null}
      </ul>
    </article>
  );
}

function ExportButtons({ filter }: { filter: InitiativeFilter }) {
  const { t } = useTranslation();
  const exporter = useExportInitiatives();
  return (
    <div className="stack-tight">
      <div className="initiatives-export" role="group" aria-label={t('initiatives.export.title')}>
        {REGISTER_EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button button--secondary button--small"
            disabled={exporter.isPending}
            onClick={() => exporter.mutate({ ...initiativeFilterQuery(filter), format })}
          >
            {t(EXPORT_LABELS[format])}
          </button>
        ))}
      </div>
      {exporter.isError ? <Alert tone="error">{errorMessage(t, exporter.error)}</Alert> : null}
    </div>
  );
}

/** The register: filters in the URL, the count, the export of what the list shows, the cards and the pages. */
export function InitiativeList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const filter = initiativeFilterFromParams(params);
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const initiatives = useInitiatives({ ...initiativeFilterQuery(filter), page, pageSize: PAGE_SIZE });
  const municipalities = useMunicipalities({ select: asMunicipalityRefs });
  const resultsId = useId();
  const active = initiativeFilterCount(filter);
  const [filtersOpen, setFiltersOpen] = useState(
    () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 600px)').matches,
  );

  return (
    <div className="stack">
      <details className="initiatives-disclosure" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
        <summary>
          {t('initiatives.filters.title')}
          {active ? ` (${active})` : ''}
        </summary>
        <InitiativeFilterFields
          key={params.toString()}
          filter={filter}
          municipalities={municipalities.data ?? []}
          onApply={(next) => setParams(initiativeFilterToParams(next))}
          onClear={() => setParams(new URLSearchParams())}
        />
      </details>
      <div className="initiatives-toolbar">
        <p role="status" className="result-count" id={resultsId}>
          {initiatives.data
            ? t('initiatives.count', { count: initiatives.data.total, formatted: format.integer(initiatives.data.total) })
            : ''}
        </p>
        <ExportButtons filter={filter} />
      </div>
      {initiatives.isPending ? (
        <Loading />
      ) : initiatives.isError ? (
        <Alert tone="error">{errorMessage(t, initiatives.error)}</Alert>
      ) : initiatives.data.items.length ? (
        <ul className="initiative-list" aria-labelledby={resultsId} aria-busy={initiatives.isPlaceholderData || undefined}>
          {initiatives.data.items.map((initiative) => (
            <li key={initiative.id}>
              <InitiativeCard initiative={initiative} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('initiatives.empty')}</p>
      )}
      {initiatives.data ? (
        <Pagination
          page={initiatives.data.page}
          pageSize={initiatives.data.pageSize}
          total={initiatives.data.total}
          onPage={(next) => {
            setParams(initiativeFilterToParams(filter, { page: next }));
            window.scrollTo({ top: 0 });
          }}
        />
      ) : null}
    </div>
  );
}
