import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../lib/api/api-error';
import { errorMessage } from '../lib/api/error-message';
import { Alert } from './alert';
import { ProblemList } from './problem-list';

interface SaveErrorAlertProps {
  /** the failed save's error */
  error: unknown;
  /** a stale version (409): the record changed since it was loaded (each feature knows its codes) */
  conflict: boolean;
  /** the alert's title when it is not a conflict, e.g. "Modifiche non salvate" */
  title: string;
  /** the sentence when the server found problems with fields, e.g. "Correggi i campi indicati." */
  fixFields: string;
  /** problems with fields the form does not show (`applyServerFieldErrors`) */
  unmatched: readonly string[];
}

/** The error alert of an edit form saved with the loaded version: conflict, field problems, or the error's text. */
export function SaveErrorAlert({ error, conflict, title, fixFields, unmatched }: SaveErrorAlertProps) {
  const { t } = useTranslation();
  const hasFieldErrors = isApiRequestError(error) && error.details.length > 0;
  return (
    <Alert tone="error" title={conflict ? t('common.conflictTitle') : title}>
      <p>{conflict ? t('common.conflict') : hasFieldErrors ? fixFields : errorMessage(t, error)}</p>
      <ProblemList lines={unmatched} />
    </Alert>
  );
}
