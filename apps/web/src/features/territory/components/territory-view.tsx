import { lazy, Suspense, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { errorMessage } from '../../../lib/api/error-message';
import { canEditTerritory } from '../../../lib/auth/permissions';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { BOUNDARY_ATTRIBUTION, useMunicipalityBoundaries, type MunicipalityFeatureProperties } from '../../../lib/reference/boundaries';
import { useMunicipalities } from '../../../lib/reference/municipalities';
import { usePublicConfig } from '../../../lib/reference/public-config';
import { useSocialAreas } from '../../../lib/reference/social-areas';
import { areaColors } from '../utils/area-colors';
import { boundingBox, groupBySocialArea, matchesSearch } from '../utils/group-by-social-area';
import { MoveMunicipalityDialog } from './move-municipality-dialog';
import { MunicipalityList } from './municipality-list';

// Leaflet (~150 kB) loads only with this page.
const MunicipalityMap = lazy(() => import('./municipality-map').then((module) => ({ default: module.MunicipalityMap })));

interface Selection {
  code: string;
  from: 'map' | 'list';
}

export function TerritoryView() {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const searchId = useId();
  const mapHeadingId = useId();
  const listHeadingId = useId();
  const mapRef = useRef<HTMLDivElement>(null);

  const municipalities = useMunicipalities();
  const socialAreas = useSocialAreas();
  const config = usePublicConfig();
  const all = useMemo(() => municipalities.data ?? [], [municipalities.data]);
  const bbox = useMemo(() => boundingBox(all), [all]);
  const map = useMunicipalityBoundaries(bbox ? { bbox } : null);

  const [query, setQuery] = useState('');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [moving, setMoving] = useState(false);
  const [notice, setNotice] = useState('');

  const visible = useMemo(() => all.filter((m) => matchesSearch(m, query)), [all, query]);
  const visibleCodes = useMemo(() => new Set(visible.map((m) => m.istatCode)), [visible]);
  const groups = useMemo(() => groupBySocialArea(visible, format.compare), [visible, format]);
  const colors = useMemo(
    () => areaColors([...(socialAreas.data ?? []).map((a) => a.code), ...all.flatMap((m) => (m.socialArea ? [m.socialArea.code] : []))]),
    [socialAreas.data, all],
  );
  const areaCount = useMemo(() => new Set(all.map((m) => m.socialArea?.code ?? null)).size, [all]);
  const canEdit = canEditTerritory(user.role);

  const selectFromMap = useCallback((code: string) => setSelection({ code, from: 'map' }), []);
  const selectFromList = useCallback((code: string) => {
    setSelection({ code, from: 'list' });
    mapRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);
  const describe = useCallback(
    (p: MunicipalityFeatureProperties) => ({
      title: p.name,
      lines: [
        p.socialAreaName ?? t('territory.noArea'),
        `${t('territory.list.istatCode')}: ${p.istatCode}`,
        `${t('territory.list.population')}: ${format.integer(p.population)}`,
      ],
    }),
    [t, format],
  );
  const openMove = () => {
    setNotice('');
    setMoving(true);
  };

  const tileUrl = config.data?.tileUrl ?? '';

  return (
    <>
      <PageHeading
        title={t('territory.title')}
        lead={
          municipalities.isSuccess
            ? t('territory.lead', {
                municipalities: t('territory.list.municipalityCount', { count: all.length, formatted: format.integer(all.length) }),
                areas: t('territory.areaCount', { count: areaCount, formatted: format.integer(areaCount) }),
              })
            : undefined
        }
      />

      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <div className="toolbar" role="search">
        <label htmlFor={searchId} className="field__label">
          {t('territory.search.label')}
        </label>
        <input
          id={searchId}
          className="input"
          type="search"
          value={query}
          placeholder={t('territory.search.placeholder')}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>

      <div className="territory">
        <section className="territory__map" aria-labelledby={mapHeadingId} ref={mapRef}>
          <h2 id={mapHeadingId}>{t('territory.map.title')}</h2>
          {map.isError ? (
            <Alert tone="error" title={t('territory.map.failed')}>
              {errorMessage(t, map.error)}
            </Alert>
          ) : map.data ? (
            <Suspense fallback={<Loading label={t('territory.map.loading')} />}>
              <MunicipalityMap
                data={map.data}
                colors={colors}
                visibleCodes={visibleCodes}
                selected={selection?.code ?? null}
                onSelect={selectFromMap}
                tileUrl={tileUrl}
                tileAttribution={config.data?.tileAttribution ?? ''}
                describe={describe}
                label={t('territory.map.label')}
              />
            </Suspense>
          ) : municipalities.isError ? null : (
            <Loading label={t('territory.map.loading')} />
          )}
          <p className="map-note">
            {t('territory.map.note')}{' '}
            <span>
              {t('territory.map.source')}: {BOUNDARY_ATTRIBUTION}
              {tileUrl && config.data?.tileAttribution ? ` · ${t('territory.map.tiles')}: ${config.data.tileAttribution}` : ''}
            </span>
          </p>
        </section>

        <section className="territory__list" aria-labelledby={listHeadingId}>
          <h2 id={listHeadingId}>{t('territory.list.title')}</h2>
          {canEdit && municipalities.isSuccess ? (
            <p>
              <button type="button" className="button button--secondary" onClick={openMove}>
                {t('territory.move.button')}
              </button>
            </p>
          ) : null}
          {municipalities.isPending ? (
            <Loading />
          ) : municipalities.isError ? (
            <Alert tone="error" title={t('territory.list.failed')}>
              {errorMessage(t, municipalities.error)}
            </Alert>
          ) : (
            <>
              <p className="result-count" role="status">
                {query
                  ? t('territory.search.results', { count: visible.length, formatted: format.integer(visible.length) })
                  : t('territory.search.all', { count: all.length, formatted: format.integer(all.length) })}
              </p>
              {visible.length === 0 ? (
                <p>{t('territory.search.none')}</p>
              ) : (
                <MunicipalityList
                  groups={groups}
                  colors={colors}
                  selected={selection?.code ?? null}
                  focusSelected={selection?.from === 'map'}
                  onSelect={selectFromList}
                />
              )}
            </>
          )}
        </section>
      </div>

      {moving ? (
        <MoveMunicipalityDialog
          municipalities={all}
          initial={selection?.code ?? null}
          onClose={() => setMoving(false)}
          onMoved={(message) => {
            setMoving(false);
            setNotice(message);
          }}
        />
      ) : null}
    </>
  );
}
