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
  /** the municipality as currently loaded (its version changes after a reload); render with key={istatCode} */
  municipality: MunicipalityDto | undefined;
  onClose: () => void;
  onMoved: (message: string) => void;
}

/** MUNICIPALITY_STALE_VERSION (409): someone moved it since the list was loaded. */
export function isConflict(error: unknown): boolean {
  return isApiRequestError(error) && error.status === 409 && error.code.endsWith('STALE_VERSION');
}

/** Moves a municipality to another social area (coordinators), with the version it was read at. */
export function MoveMunicipalityDialog({ municipality, onClose, onMoved }: MoveMunicipalityDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const areas = useSocialAreas();
  const update = useUpdateMunicipality();
  const currentCode = municipality?.socialArea?.code ?? '';
  const [target, setTarget] = useState(currentCode);
  const [validation, setValidation] = useState<string | undefined>();

  if (!municipality) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target || target === currentCode) {
      setValidation(t('territory.move.chooseOther'));
      return;
    }
    setValidation(undefined);
    update.mutate(
      { istatCode: municipality.istatCode, version: municipality.version, socialArea: target },
      {
        onSuccess: (updated) => {
          const areaName = updated?.socialArea?.name ?? areas.data?.find((a) => a.code === target)?.name ?? target;
          onMoved(t('territory.move.done', { municipality: municipality.name, area: areaName }));
        },
      },
    );
  };

  const sortedAreas = [...(areas.data ?? [])].sort((a, b) => format.compare(a.name, b.name));

  return (
    <Dialog open title={t('territory.move.title', { municipality: municipality.name })} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p>
          {t('territory.move.current')}: <strong>{municipality.socialArea?.name ?? t('territory.noArea')}</strong>
        </p>
        {update.isError ? (
          <Alert tone="error" title={isConflict(update.error) ? t('territory.move.conflictTitle') : t('territory.move.failed')}>
            {isConflict(update.error) ? t('territory.move.conflict') : errorMessage(t, update.error)}
          </Alert>
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
            error={validation}
            required
          >
            {currentCode === '' ? <option value="">{t('common.choose')}</option> : null}
            {sortedAreas.map((area) => (
              <option key={area.code} value={area.code}>
                {area.name}
              </option>
            ))}
          </SelectField>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={update.isPending || areas.isPending}>
            {update.isPending ? t('common.saving') : t('territory.move.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
