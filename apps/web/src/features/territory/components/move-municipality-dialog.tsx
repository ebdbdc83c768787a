import type { MunicipalityDto } from '../../../lib/reference/municipalities';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { SelectField } from '../../../components/form-field';
import { Loading } from '../../../components/loading';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useSocialAreas } from '../../../lib/reference/social-areas';
import { useUpdateMunicipality } from '../api/update-municipality';

interface MoveMunicipalityDialogProps {
  /** the municipalities as currently loaded (their versions change after a reload) */
  municipalities: MunicipalityDto[];
  /** the municipality chosen at first (e.g. the one selected on the map), if any */
  initial: string | null;
  onClose: () => void;
  onMoved: (message: string) => void;
}

/** MUNICIPALITY_STALE_VERSION (409): someone moved it since the list was loaded. */
export function isConflict(error: unknown): boolean {
  return isApiRequestError(error) && error.status === 409 && error.code.endsWith('STALE_VERSION');
}

/**
 * Moves a municipality to another social area (coordinators): one explicit action in two steps,
 * choose (municipality, new area) then confirm what will change, sent with the version it was read at.
 */
export function MoveMunicipalityDialog({ municipalities, initial, onClose, onMoved }: MoveMunicipalityDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const areas = useSocialAreas();
  const update = useUpdateMunicipality();
  const [istatCode, setIstatCode] = useState(initial ?? '');
  const municipality = municipalities.find((m) => m.istatCode === istatCode);
  const currentCode = municipality?.socialArea?.code ?? '';
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<{ municipality?: string; target?: string }>({});

  const sortedMunicipalities = [...municipalities].sort((a, b) => format.compare(a.name, b.name));
  const sortedAreas = [...(areas.data ?? [])].sort((a, b) => format.compare(a.name, b.name));
  const areaName = (code: string) => areas.data?.find((a) => a.code === code)?.name ?? code;
  const currentName = municipality?.socialArea?.name ?? t('territory.noArea');

  const review = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof problems = {};
    if (!municipality) next.municipality = t('territory.move.chooseMunicipality');
    else if (!target || target === currentCode) next.target = t('territory.move.chooseOther');
    setProblems(next);
    if (next.municipality || next.target) return;
    update.reset();
    setConfirming(true);
  };

  const confirm = () => {
    if (!municipality) return;
    update.mutate(
      { istatCode: municipality.istatCode, version: municipality.version, socialArea: target },
      {
        onSuccess: (updated) =>
          onMoved(t('territory.move.done', { municipality: municipality.name, area: updated?.socialArea?.name ?? areaName(target) })),
        // back to the choice: after a conflict the current area has changed under it
        onError: () => setConfirming(false),
      },
    );
  };

  return (
    <Dialog open title={t('territory.move.title')} onClose={onClose}>
      {update.isError ? (
        <Alert tone="error" title={isConflict(update.error) ? t('territory.move.conflictTitle') : t('territory.move.failed')}>
          {isConflict(update.error) ? t('territory.move.conflict') : errorMessage(t, update.error)}
        </Alert>
      ) : null}
      {confirming && municipality ? (
        <div className="form">
          <p>{t('territory.move.confirmText', { municipality: municipality.name, from: currentName, to: areaName(target) })}</p>
          <div className="form__actions">
            <button type="button" className="button button--primary" disabled={update.isPending} onClick={confirm}>
              {update.isPending ? t('common.saving') : t('territory.move.confirm')}
            </button>
            <button type="button" className="button button--secondary" disabled={update.isPending} onClick={() => setConfirming(false)}>
              {t('territory.move.back')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={review} noValidate>
          <SelectField
            label={t('territory.move.municipality')}
            value={istatCode}
            onChange={(e) => setIstatCode(e.target.value)}
            error={problems.municipality}
            required
          >
            <option value="">{t('common.choose')}</option>
            {sortedMunicipalities.map((m) => (
              <option key={m.istatCode} value={m.istatCode}>
                {m.name}
              </option>
            ))}
          </SelectField>
          {municipality ? (
            <p>
              {t('territory.move.current')}: <strong>{currentName}</strong>
            </p>
          ) : null}
          {areas.isPending ? (
            <Loading />
          ) : areas.isError ? (
            <Alert tone="error">{errorMessage(t, areas.error)}</Alert>
          ) : (
            <SelectField
              label={t('territory.move.target')}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              error={problems.target}
              required
            >
              <option value="">{t('common.choose')}</option>
              {sortedAreas.map((area) => (
                <option key={area.code} value={area.code}>
                  {area.name}
                </option>
              ))}
            </SelectField>
          )}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={areas.isPending}>
              {t('territory.move.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
