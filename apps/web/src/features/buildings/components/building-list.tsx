import { REGISTER_EXPORT_FORMATS, type RegisterExportFormat } from '@trama/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { errorMessage } from '../../../lib/api/error-message';
import type { MunicipalityRef } from '../../../lib/api/types';
import {
  BuildingFilterFields,
  type BuildingFilters,
  buildingFiltersFromParams,
  buildingFiltersToParams,
  hasBuildingFilters,
} from '../../../lib/filters/buildings';
import { useFormatters } from '../../../lib/i18n/format';
import { asMunicipalityRefs, useMunicipalities } from '../../../lib/reference/municipalities';
import { asSocialAreaOptions, useSocialAreas } from '../../../lib/reference/social-areas';
import { useExportBuildings } from '../api/export-buildings';
import { useBuildings } from '../api/list-buildings';
import type { BuildingDto } from '../api/types';
import '../buildings.css';
import { StageBadge } from './stage-badge';

const PAGE_SIZE = 20;

export function BuildingCard({ building }: { building: BuildingDto }) {
  const { t } = useTranslation();
  return (
    <article className="building-card">
      <div className="building-card__head">
        <h2 className="building-card__title">
          <Link to={`/immobili/${building.id}`}>{building.name}</Link>
        </h2>
        <StageBadge stage={building.stage} />
      </div>
      <ul className="building-card__meta">
        <li>
          <span className="sr-only">{t('buildings.fields.municipality')}: </span>
          {building.municipality.name}
        </li>
        {building.address ? <li>{building.address}</li> : null}
        <li>{t(`vocab.buildingOwnership.${building.ownership}`)}</li>
        <li>{t(`vocab.buildingCondition.${building.condition}`)}</li>
        {building.location ? null : <li className="building-card__unplaced">{t('buildings.notPlaced')}</li>}
      </ul>
    </article>
  );
}

function ExportButtons({ filters }: { filters: BuildingFilters }) {
  const { t } = useTranslation();
  const exporter = useExportBuildings();
  const [format, setFormat] = useState<RegisterExportFormat | null>(null);
  return (
    <div className="stack-tight">
      <div className="export" role="group" aria-label={t('buildings.export.label')}>
        <span className="export__label" aria-hidden="true">
          {t('buildings.export.label')}:
        </span>
        {REGISTER_EXPORT_FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            className="button button--secondary button--small"
            disabled={exporter.isPending}
            onClick={() => {
              setFormat(f);
              exporter.mutate({ ...filters, format: f });
            }}
          >
            {exporter.isPending && format === f ? t('buildings.export.preparing') : t(`buildings.export.formats.${f}`)}
          </button>
        ))}
      </div>
      <p className="sr-only" role="status">
        {exporter.isPending ? t('buildings.export.preparing') : exporter.isSuccess ? t('buildings.export.done') : ''}
      </p>
      {exporter.isError ? <Alert tone="error">{errorMessage(t, exporter.error)}</Alert> : null}
    </div>
  );
}

/** Municipalities offered by the filter: an innovator's assigned ones first; everyone else those they may see. */
function useFilterMunicipalities(): MunicipalityRef[] {
  const options = useMunicipalities({ select: asMunicipalityRefs });
  return options.data ?? [];
}

/** The buildings register: filters and search in the URL, a page of cards, the export of what is shown (every page). */
export function BuildingList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const filters = buildingFiltersFromParams(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const municipalities = useFilterMunicipalities();
  const socialAreas = useSocialAreas({ select: asSocialAreaOptions });
  const list = useBuildings({ ...filters, page, pageSize: PAGE_SIZE });
  const apply = (next: BuildingFilters) => setParams(buildingFiltersToParams(next));
  return (
    <div className="stack">
      <BuildingFilterFields
        key={params.toString()}
        filters={filters}
        municipalities={municipalities}
        socialAreas={socialAreas.data ?? []}
        onApply={apply}
        onClear={() => setParams(new URLSearchParams())}
      />
      <ExportButtons filters={filters} />
      {list.isPending ? <Loading /> : null}
      {list.isError && !list.data ? <Alert tone="error">{errorMessage(t, list.error)}</Alert> : null}
      {list.data ? (
        <>
          <p role="status" className="muted">
            {t('buildings.count', { count: list.data.total, formatted: format.integer(list.data.total) })}
          </p>
          {list.data.items.length === 0 ? (
            <p>{hasBuildingFilters(filters) ? t('buildings.emptyFiltered') : t('buildings.empty')}</p>
          ) : (
            <ul className="building-list">
              {list.data.items.map((b) => (
                <li key={b.id}>
                  <BuildingCard building={b} />
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            itemCount={list.data.items.length}
            onPage={(p) => {
              const next = buildingFiltersToParams(filters);
              next.set('page', String(p));
              setParams(next);
            }}
          />
        </>
      ) : null}
    </div>
  );
}
