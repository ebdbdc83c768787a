import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { BOUNDARY_ATTRIBUTION, useMunicipalityBoundaries } from '../../../lib/reference/boundaries';
import { useBuildingHistory } from '../api/get-building';
import { useVerifyBuilding } from '../api/save-building';
import type { BuildingDto } from '../api/types';
import '../buildings.css';
import { BuildingPhotos } from './building-photos';
import { StageActions, type OrganizationFieldProps } from './stage-actions';
import { StageBadge } from './stage-badge';

const LocationPickerMap = lazy(() => import('../../../components/location-picker-map').then((m) => ({ default: m.LocationPickerMap })));

/** Whether the caller may change the building (the API decides; this hides what it would refuse). */
export function canEditBuilding(user: ReturnType<typeof useSessionUser>, building: Pick<BuildingDto, 'municipality'>): boolean {
  if (user.role === 'coordinator' || user.role === 'admin') return true;
  return user.role === 'innovator' && user.assignedMunicipalities.some((m) => m.istatCode === building.municipality.istatCode);
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function PointMap({ building }: { building: BuildingDto }) {
  const { t } = useTranslation();
  const boundaries = useMunicipalityBoundaries();
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('buildings.fields.location')}</h2>
      {building.location ? (
        <>
          <div role="group" aria-label={t('buildings.detail.map')}>
            <Suspense fallback={<Loading />}>
              <LocationPickerMap
                boundaries={boundaries.data}
                municipality={building.municipality.istatCode}
                point={building.location}
                attribution={BOUNDARY_ATTRIBUTION}
              />
            </Suspense>
          </div>
          <p className="muted">{t('buildings.detail.coordinates', { lat: building.location.lat, lon: building.location.lon })}</p>
        </>
      ) : (
        <p>{t('buildings.notPlaced')}</p>
      )}
    </section>
  );
}

function History({ building }: { building: BuildingDto }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const history = useBuildingHistory(building.id);
  const timelineId = useId();
  const auditId = useId();
  if (history.isPending) return <Loading />;
  if (history.isError) return <Alert tone="error">{errorMessage(t, history.error)}</Alert>;
  const at = (iso: string) => `${format.date(iso.slice(0, 10))}`;
  return (
    <>
      <section className="panel" aria-labelledby={timelineId}>
        <h2 id={timelineId}>{t('buildings.stage.timeline')}</h2>
        <ol className="building-timeline">
          {history.data.stages.map((s) => (
            <li key={s.id}>
              <StageBadge stage={s.to} /> <span className="muted">{at(s.at)}</span>
              {s.actor ? <span className="muted"> · {s.actor.fullName}</span> : null}
              {s.reason ? <p>{t('buildings.stage.reasonWas', { reason: s.reason })}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      {history.data.audit.length > 0 ? (
        <section className="panel" aria-labelledby={auditId}>
          <h2 id={auditId}>{t('buildings.detail.history')}</h2>
          <ul className="building-audit">
            {history.data.audit.map((e) => (
              <li key={e.id}>
                {at(e.at)} · {e.actor?.fullName ?? '—'} · {t(`buildings.detail.actions.${e.action}`, { defaultValue: e.action })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

interface BuildingDetailProps {
  building: BuildingDto;
  renderOrganization: (props: OrganizationFieldProps) => ReactNode;
}

/** A building: its fields, the assignment, monitoring, the stage and its moves, photos, the map and the history. */
export function BuildingDetail({ building, renderOrganization }: BuildingDetailProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const verify = useVerifyBuilding(building.id);
  const canEdit = canEditBuilding(user, building);
  const list = (values: readonly string[], vocab: string) =>
    values.length ? values.map((v) => t(`vocab.${vocab}.${v}`)).join(', ') : t('buildings.detail.none');
  const area = (n: number | null) => (n === null ? '—' : `${format.number(n)} m²`);
  return (
    <div className="stack">
      <div className="building-detail__head">
        <StageBadge stage={building.stage} />
        {canEdit ? (
          <Link className="button button--secondary" to={`/immobili/${building.id}/modifica`}>
            {t('buildings.detail.edit')}
          </Link>
        ) : null}
      </div>
      <section className="panel">
        <dl className="summary">
          <Row label={t('buildings.fields.municipality')}>{building.municipality.name}</Row>
          <Row label={t('buildings.fields.address')}>{building.address ?? '—'}</Row>
          <Row label={t('buildings.fields.ownership')}>{t(`vocab.buildingOwnership.${building.ownership}`)}</Row>
          {building.ownership === 'confiscated' ? (
            <>
              <Row label={t('buildings.fields.anbscCode')}>{building.anbscCode ?? '—'}</Row>
              <Row label={t('buildings.fields.confiscationDecreeDate')}>{format.date(building.confiscationDecreeDate)}</Row>
            </>
          ) : null}
          <Row label={t('buildings.fields.owner')}>{building.owner ?? '—'}</Row>
          <Row label={t('buildings.fields.cadastralReference')}>{building.cadastralReference ?? '—'}</Row>
          <Row label={t('buildings.fields.indoorAreaM2')}>{area(building.indoorAreaM2)}</Row>
          <Row label={t('buildings.fields.outdoorAreaM2')}>{area(building.outdoorAreaM2)}</Row>
          <Row label={t('buildings.fields.condition')}>{t(`vocab.buildingCondition.${building.condition}`)}</Row>
          <Row label={t('buildings.fields.currentUse')}>{t(`vocab.buildingCurrentUse.${building.currentUse}`)}</Row>
          <Row label={t('buildings.fields.accessibility')}>{t(`vocab.buildingAccessibility.${building.accessibility}`)}</Row>
          <Row label={t('buildings.fields.constraints')}>{list(building.constraints, 'buildingConstraint')}</Row>
          <Row label={t('buildings.fields.suitableUses')}>{list(building.suitableUses, 'suitableUse')}</Row>
          <Row label={t('buildings.fields.notes')}>{building.notes ?? '—'}</Row>
          {building.internalNotes !== undefined ? (
            <Row label={t('buildings.fields.internalNotes')}>{building.internalNotes ?? '—'}</Row>
          ) : null}
          <Row label={t('buildings.fields.completeness')}>{t('buildings.detail.percent', { value: building.completeness })}</Row>
          <Row label={t('buildings.fields.lastVerifiedAt')}>
            {building.lastVerifiedAt
              ? t('buildings.detail.verifiedBy', {
                  date: format.date(building.lastVerifiedAt.slice(0, 10)),
                  name: building.lastVerifiedBy?.fullName ?? '',
                })
              : t('buildings.detail.neverVerified')}
          </Row>
        </dl>
        {canEdit ? (
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={verify.isPending}
              onClick={() => verify.mutate(building.version)}
            >
              {t('buildings.detail.verify')}
            </button>
            <span role="status" className="field__hint">
              {verify.isSuccess ? t('buildings.detail.verified') : ''}
            </span>
          </div>
        ) : null}
        {verify.isError ? <Alert tone="error">{errorMessage(t, verify.error)}</Alert> : null}
      </section>
      {building.assignment || building.openingDate ? (
        <section className="panel" aria-labelledby="assignment-title">
          <h2 id="assignment-title">{t('buildings.detail.assignment')}</h2>
          <dl className="summary">
            {building.assignment ? (
              <>
                <Row label={t('buildings.fields.assignee')}>{building.assignment.organization.name}</Row>
                <Row label={t('buildings.fields.instrument')}>{t(`vocab.assignmentInstrument.${building.assignment.instrument}`)}</Row>
                <Row label={t('buildings.fields.startDate')}>{format.date(building.assignment.startDate)}</Row>
                <Row label={t('buildings.fields.endDate')}>{format.date(building.assignment.endDate)}</Row>
              </>
            ) : null}
            {building.openingDate ? <Row label={t('buildings.fields.openingDate')}>{format.date(building.openingDate)}</Row> : null}
          </dl>
        </section>
      ) : null}
      {building.monitoring ? (
        <section className="panel" aria-labelledby="monitoring-title">
          <h2 id="monitoring-title">{t('buildings.detail.monitoring')}</h2>
          <dl className="summary">
            <Row label={t('buildings.detail.activitiesHeld')}>{format.integer(building.monitoring.activities)}</Row>
            <Row label={t('buildings.detail.peopleServed')}>{format.integer(building.monitoring.peopleServed)}</Row>
            <Row label={t('buildings.detail.initiativesHosted')}>
              {building.monitoring.initiatives === null ? '—' : format.integer(building.monitoring.initiatives)}
            </Row>
          </dl>
        </section>
      ) : null}
      {canEdit ? <StageActions building={building} renderOrganization={renderOrganization} /> : null}
      <BuildingPhotos building={building} canEdit={canEdit} />
      <PointMap building={building} />
      <History building={building} />
    </div>
  );
}
