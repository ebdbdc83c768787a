import {
  INITIATIVE_STATUSES,
  ORGANIZATION_KINDS,
  REGISTER_EXPORT_FORMATS,
  REUSE_STAGES,
  type RegisterExportFormat,
} from '@trama/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { ScrollRegion } from '../../../components/scroll-region';
import { errorMessage } from '../../../lib/api/error-message';
import { buildingFiltersToParams } from '../../../lib/filters/buildings';
import { initiativeFilterToParams } from '../../../lib/filters/initiatives';
import { organizationFilterToParams } from '../../../lib/filters/organizations';
import { useFormatters } from '../../../lib/i18n/format';
import { type HomeRegister, type TerritoryFilter, useRegisterExport } from '../api/export-register';
import type { MunicipalityHomeDto } from '../api/types';
import { saveTableCsv } from '../utils/csv';
import { HomeSection } from './home-section';

interface Row {
  key: string;
  label: string;
  n: number;
  /** the register's list with the territory and this category */
  href: string;
}

/** The register's list page with the territory's filter and one category (the lists read these names from the URL). */
function listHref(register: HomeRegister, filter: TerritoryFilter, category?: string): string {
  const params =
    register === 'buildings'
      ? buildingFiltersToParams({ ...filter, stage: category as never })
      : register === 'organizations'
        ? organizationFilterToParams({ ...filter, kind: category as never })
        : initiativeFilterToParams({ ...filter, status: category as never });
  const query = params.toString();
  const path = { buildings: '/immobili', organizations: '/organizzazioni', initiatives: '/iniziative' }[register];
  return query ? `${path}?${query}` : path;
}

/** One register of the territory: its total, its table per category (each row a link to the list so filtered), its exports. */
function RegisterBlock({
  register,
  total,
  rows,
  filter,
  mapHref,
}: {
  register: HomeRegister;
  total: number;
  rows: Row[];
  filter: TerritoryFilter;
  /** the map page with this register's layer alone (it lands on the caller's territory by itself); none while the layer is not served */
  mapHref?: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const exporter = useRegisterExport();
  const [pending, setPending] = useState<RegisterExportFormat | null>(null);
  const caption = t(`home.territory.${register}.caption`);
  const header = t(`home.territory.${register}.category`);
  const counted = t(`home.territory.${register}.title`);
  return (
    <HomeSection
      title={counted}
      count={format.integer(total)}
      countLabel={t(`home.territory.${register}.countLabel`, { count: total, formatted: format.integer(total) })}
    >
      <ScrollRegion label={caption}>
        <table className="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{header}</th>
              <th scope="col" className="num">
                {counted}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  <Link to={r.href}>{r.label}</Link>
                </th>
                <td className="num">{format.integer(r.n)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('home.territory.total')}</th>
              <td className="num">{format.integer(total)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <p className="home-more">
        <Link to={listHref(register, filter)}>{t(`home.territory.${register}.open`)}</Link>
        {mapHref ? (
          <>
            {' · '}
            <Link to={mapHref}>{t(`home.territory.${register}.map`)}</Link>
          </>
        ) : null}
      </p>
      <div className="export home-export" role="group" aria-label={t(`home.territory.${register}.export`)}>
        <span className="export__label" aria-hidden="true">
          {t('home.territory.exportLabel')}:
        </span>
        {REGISTER_EXPORT_FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            className="button button--secondary button--small"
            disabled={exporter.isPending}
            onClick={() => {
              setPending(f);
              exporter.mutate({ register, filter, format: f });
            }}
          >
            {exporter.isPending && pending === f ? t('home.territory.preparing') : t(`home.territory.formats.${f}`)}
          </button>
        ))}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            saveTableCsv(
              `${t(`home.territory.${register}.file`)}.csv`,
              [header, counted],
              [...rows.map((r) => [r.label, r.n]), [t('home.territory.total'), total]],
            )
          }
        >
          {t('home.territory.tableCsv')}
        </button>
      </div>
      <p className="sr-only" role="status">
        {exporter.isPending ? t('home.territory.preparing') : exporter.isSuccess ? t('home.territory.done') : ''}
      </p>
      {exporter.isError ? <Alert tone="error">{errorMessage(t, exporter.error)}</Alert> : null}
    </HomeSection>
  );
}

/** The territory's three registers: buildings per reuse stage, organizations per kind, initiatives per status. */
export function TerritoryRegisters({ registers, filter }: { registers: MunicipalityHomeDto['registers']; filter: TerritoryFilter }) {
  const { t } = useTranslation();
  const rows = <K extends string>(register: HomeRegister, keys: readonly K[], counts: Record<K, number>, label: (k: K) => string): Row[] =>
    keys.map((k) => ({ key: k, label: label(k), n: counts[k], href: listHref(register, filter, k) }));
  return (
    <div className="home-grid">
      <RegisterBlock
        register="buildings"
        total={registers.buildings.total}
        rows={rows('buildings', REUSE_STAGES, registers.buildings.byStage, (k) => t(`vocab.reuseStage.${k}`))}
        filter={filter}
        mapHref="/mappa?layers=buildings"
      />
      <RegisterBlock
        register="organizations"
        total={registers.organizations.total}
        // sixteen kinds, most of them empty in a municipality: only those present (the stages and statuses are a pipeline: all shown)
        rows={rows('organizations', ORGANIZATION_KINDS, registers.organizations.byKind, (k) => t(`vocab.organizationKind.${k}`)).filter(
          (r) => r.n > 0,
        )}
        filter={filter}
        mapHref="/mappa?layers=organizations"
      />
      <RegisterBlock
        register="initiatives"
        total={registers.initiatives.total}
        rows={rows('initiatives', INITIATIVE_STATUSES, registers.initiatives.byStatus, (k) => t(`vocab.initiativeStatus.${k}`))}
        filter={filter}
        mapHref="/mappa?layers=initiatives"
      />
    </div>
  );
}
