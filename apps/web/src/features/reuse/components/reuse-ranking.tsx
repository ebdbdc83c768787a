import { EXPORT_FORMATS, type ExportFormat } from '@trama/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
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
import { useExportRanking } from '../api/export-ranking';
import { useLang } from '../api/language';
import { useReuseRanking } from '../api/ranking';
import '../reuse.css';
import { PlanProposal } from './plan-proposal';
import { ReuseProgress } from './reuse-progress';
import { ScoreParts } from './score-parts';

const PAGE_SIZE = 20;

function ExportButtons({ filters }: { filters: BuildingFilters }) {
  const { t } = useTranslation();
  const exporter = useExportRanking();
  const [format, setFormat] = useState<ExportFormat | null>(null);
  return (
    <div className="stack-tight">
      <div className="export" role="group" aria-label={t('reuse.export.label')}>
        <span className="export__label" aria-hidden="true">
          {t('reuse.export.label')}:
        </span>
        {EXPORT_FORMATS.map((f) => (
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
      {exporter.isError ? <Alert tone="error">{errorMessage(t, exporter.error)}</Alert> : null}
    </div>
  );
}

/** The ranking by reuse potential: the register's filters in the URL, each score with its parts, the export, the plan. */
export function ReuseRanking() {
  const { t } = useTranslation();
  const format = useFormatters();
  const lang = useLang();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const filters = buildingFiltersFromParams(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const municipalities = useMunicipalities({ select: asMunicipalityRefs });
  const socialAreas = useSocialAreas({ select: asSocialAreaOptions });
  const list = useReuseRanking({ ...filters, page, pageSize: PAGE_SIZE, lang });
  return (
    <div className="stack">
      <BuildingFilterFields
        key={params.toString()}
        filters={filters}
        municipalities={municipalities.data ?? []}
        socialAreas={socialAreas.data ?? []}
        onApply={(next) => setParams(buildingFiltersToParams(next))}
        onClear={() => setParams(new URLSearchParams())}
      />
      <ReuseProgress />
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
            <div className="table-wrap">
              <table className="table reuse-ranking">
                <caption className="sr-only">{t('reuse.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reuse.columns.rank')}</th>
                    <th scope="col">{t('reuse.columns.building')}</th>
                    <th scope="col">{t('reuse.columns.score')}</th>
                    <th scope="col">{t('reuse.columns.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item, i) => (
                    <tr key={item.building.id} data-building={item.building.id}>
                      <td>{format.integer((page - 1) * PAGE_SIZE + i + 1)}</td>
                      <th scope="row">
                        <Link to={`/immobili/${item.building.id}`}>{item.building.name}</Link>
                        <div className="muted">
                          {item.building.municipality.name} · {t(`vocab.reuseStage.${item.building.stage}`)}
                        </div>
                      </th>
                      <td>
                        <span className="reuse-score" aria-label={t('reuse.scoreOf', { score: item.score })}>
                          {format.integer(item.score)}
                        </span>
                      </td>
                      <td>
                        <ScoreParts factors={item.factors} score={item.score} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
          {(user.role === 'coordinator' || user.role === 'innovator') && list.data.items.length > 0 ? (
            <PlanProposal buildings={list.data.items.map((i) => i.building.id)} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
