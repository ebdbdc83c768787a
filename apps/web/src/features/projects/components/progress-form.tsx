import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useAddProjectProgress } from '../api/save-project';
import type { ProjectDto } from '../api/types';
import { AMOUNT_KEYS, type AmountKey } from './chart-options';

const parseAmount = (text: string): number =>
  Number(
    text
      .replace(/\s/g, '')
      .replace(/\.(?=\d{3}(\D|$))/g, '')
      .replace(',', '.'),
  );

/** Adds a dated snapshot (programmed, admitted, committed, paid); the server's field errors shown beside the fields. */
export function ProgressForm({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const id = useId();
  const add = useAddProjectProgress();
  const last = project.latestProgress;
  const [date, setDate] = useState('');
  const [amounts, setAmounts] = useState<Record<AmountKey, string>>({
    programmed: last ? String(last.programmed) : '',
    admitted: last ? String(last.admitted) : '',
    committed: last ? String(last.committed) : '',
    paid: last ? String(last.paid) : '',
  });
  const [done, setDone] = useState(false);
  const fieldErrors = (field: string): string[] => {
    if (!isApiRequestError(add.error)) return [];
    return (add.error.details ?? [])
      .filter((d) => d.field === field)
      .flatMap((d) =>
        (d.codes ?? ['INVALID']).map((code) => t([`errors.${code}`, `validation.server.${code}`, 'validation.server.INVALID'])),
      );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    add.mutate(
      {
        id: project.id,
        body: {
          date,
          programmed: parseAmount(amounts.programmed),
          admitted: parseAmount(amounts.admitted),
          committed: parseAmount(amounts.committed),
          paid: parseAmount(amounts.paid),
          version: project.version,
        },
      },
      { onSuccess: () => setDone(true) },
    );
  };
  const field = (name: string, label: string, input: React.ReactNode) => {
    const errors = fieldErrors(name);
    return (
      <div className="field" key={name}>
        <label htmlFor={`${id}-${name}`}>{label} *</label>
        {input}
        {errors.map((e) => (
          <p key={e} className="field__error" id={`${id}-${name}-error`}>
            {e}
          </p>
        ))}
      </div>
    );
  };
  return (
    <form className="stack-tight" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{t('projects.progress.add')}</h3>
      <p className="field__hint">{t('projects.progress.hint')}</p>
      {field(
        'date',
        t('projects.fields.progressDate'),
        <input
          id={`${id}-date`}
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={fieldErrors('date').length > 0}
        />,
      )}
      {AMOUNT_KEYS.map((key) =>
        field(
          key,
          t(`projects.fields.${key}`),
          <input
            id={`${id}-${key}`}
            inputMode="decimal"
            required
            value={amounts[key]}
            onChange={(e) => setAmounts({ ...amounts, [key]: e.target.value })}
            aria-invalid={fieldErrors(key).length > 0}
          />,
        ),
      )}
      {add.isError && !(isApiRequestError(add.error) && add.error.details?.length) ? (
        <Alert tone="error">{errorMessage(t, add.error)}</Alert>
      ) : null}
      {done ? <p role="status">{t('projects.progress.added')}</p> : null}
      <div>
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? t('projects.progress.adding') : t('projects.progress.add')}
        </button>
      </div>
    </form>
  );
}
