import type { UserDto } from '../api/types';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage, fieldProblemText } from '../../../lib/api/error-message';
import { asMunicipalityOptions, useMunicipalities } from '../../../lib/reference/municipalities';
import { useAssignMunicipalities } from '../api/assign-municipalities';
import { isConflict } from './conflict';
import { MunicipalityPicker } from './municipality-picker';

/** The municipalities an innovator works in (replaces the whole set, with the user's version). */
export function AssignmentsEditor({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const options = useMunicipalities({ select: asMunicipalityOptions });
  const assign = useAssignMunicipalities(user.id);
  const current = user.assignedMunicipalities.map((m) => m.istatCode);
  const currentKey = [...current].sort().join(',');
  // The user's edits; null shows the server's set (again after a save, or after a conflict's reload).
  const [draft, setDraft] = useState<string[] | null>(null);
  const value = draft ?? current;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({ version: user.version, municipalities: value }, { onSettled: () => setDraft(null) });
  };
  const fieldError = isApiRequestError(assign.error)
    ? assign.error.details.map((d) => fieldProblemText(t, d)).join(' ') || undefined
    : undefined;
  const changed = [...value].sort().join(',') !== currentKey;

  if (options.isPending) return <Loading />;
  if (options.isError) return <Alert tone="error">{errorMessage(t, options.error)}</Alert>;
  return (
    <form className="form" onSubmit={submit} noValidate>
      {assign.isSuccess && !changed ? <Alert tone="success">{t('users.assignments.saved')}</Alert> : null}
      {assign.isError ? (
        <Alert tone="error" title={isConflict(assign.error) ? t('common.conflictTitle') : t('users.assignments.failed')}>
          {isConflict(assign.error) ? t('common.conflict') : errorMessage(t, assign.error)}
        </Alert>
      ) : null}
      <MunicipalityPicker
        legend={t('users.form.municipalities')}
        hideLegend
        options={options.data}
        value={value}
        onChange={setDraft}
        error={fieldError}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={assign.isPending || !changed}>
          {assign.isPending ? t('common.saving') : t('users.assignments.save')}
        </button>
      </div>
    </form>
  );
}
