import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { ScrollRegion } from '../../../components/scroll-region';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useDeleteIndicatorValue, useDraftValues, useUpdateIndicatorValue, useValidateIndicatorValue } from '../api/indicator-values';
import type { IndicatorValueDto } from '../api/types';
import { parseDecimal } from './indicator-form-schema';
import { useIndicators } from '../api/list-indicators';
import { useIndicatorName, usePeriodFormat } from '../utils/use-value-format';

/**
 * The validation queue (coordinators): drafts entered or imported, each validated, corrected (value
 * and note, with the version it was loaded at) or deleted. Only validated values count in the dashboards.
 */
export function ValueQueue() {
  const { t } = useTranslation();
  const format = useFormatters();
  const formatPeriod = usePeriodFormat();
  const [page, setPage] = useState(1);
  const queue = useDraftValues(page);
  const definitions = useIndicators();
  const name = useIndicatorName();
  const indicatorName = (code: string) => {
    const d = definitions.data?.items.find((i) => i.code === code);
    return d ? name(d) : code;
  };
  const validate = useValidateIndicatorValue();
  const update = useUpdateIndicatorValue();
  const remove = useDeleteIndicatorValue();
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [editing, setEditing] = useState<{ row: IndicatorValueDto; value: string; note: string } | null>(null);
  const [deleting, setDeleting] = useState<IndicatorValueDto | null>(null);

  if (queue.isPending) return <Loading />;
  if (queue.isError) return <Alert tone="error">{errorMessage(t, queue.error)}</Alert>;

  const what = (v: IndicatorValueDto) =>
    `${indicatorName(v.indicator)}, ${v.territory.name || t('indicators.territory.tenant')}, ${formatPeriod(v.period)}`;
  const done = (message: string) => ({
    onSuccess: () => {
      setProblem(null);
      setNotice(message);
    },
    onError: (error: unknown) => {
      setNotice('');
      setProblem(error);
    },
  });
  const conflict = isApiRequestError(problem) && problem.status === 409;

  return (
    <div className="stack">
      <p className="result-count" role="status">
        {notice || t('indicators.queue.count', { count: queue.data.total })}
      </p>
      {problem ? <Alert tone="error">{conflict ? t('common.conflict') : errorMessage(t, problem)}</Alert> : null}
      {queue.data.items.length === 0 ? (
        <p>{t('indicators.queue.empty')}</p>
      ) : (
        <ScrollRegion label={t('indicators.queue.title')}>
          <table className="table">
            <caption className="sr-only">{t('indicators.queue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.table.indicator')}</th>
                <th scope="col">{t('indicators.table.territory')}</th>
                <th scope="col">{t('indicators.table.period')}</th>
                <th scope="col" className="num">
                  {t('indicators.table.value')}
                </th>
                <th scope="col">{t('indicators.queue.note')}</th>
                <th scope="col">{t('indicators.queue.enteredBy')}</th>
                <th scope="col">{t('indicators.queue.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.items.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{indicatorName(v.indicator)}</th>
                  <td>{v.territory.name || t('indicators.territory.tenant')}</td>
                  <td>{formatPeriod(v.period)}</td>
                  <td className="num">{format.number(v.value)}</td>
                  <td>{v.note ?? '—'}</td>
                  <td>
                    {v.enteredBy?.fullName ?? '—'}
                    <br />
                    <span className="muted">{format.dateTime(v.createdAt)}</span>
                  </td>
                  <td>
                    <div className="indicator-exports">
                      <button
                        type="button"
                        className="button button--primary button--small"
                        aria-label={t('indicators.queue.validateNamed', { what: what(v) })}
                        disabled={validate.isPending}
                        onClick={() =>
                          validate.mutate({ id: v.id, version: v.version }, done(t('indicators.queue.validated', { what: what(v) })))
                        }
                      >
                        {t('indicators.queue.validate')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('indicators.queue.editNamed', { what: what(v) })}
                        onClick={() => setEditing({ row: v, value: String(v.value).replace('.', ','), note: v.note ?? '' })}
                      >
                        {t('indicators.queue.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--danger button--small"
                        aria-label={t('indicators.queue.deleteNamed', { what: what(v) })}
                        onClick={() => setDeleting(v)}
                      >
                        {t('indicators.queue.delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={page} pageSize={queue.data.pageSize} total={queue.data.total} onPage={setPage} />

      <Dialog
        open={editing !== null}
        title={editing ? t('indicators.queue.editNamed', { what: what(editing.row) }) : ''}
        onClose={() => setEditing(null)}
      >
        {editing ? (
          <form
            className="form stack"
            onSubmit={(e) => {
              e.preventDefault();
              const value = parseDecimal(editing.value);
              if (Number.isNaN(value)) return;
              update.mutate(
                { id: editing.row.id, body: { version: editing.row.version, value, note: editing.note.trim() || null } },
                { ...done(t('indicators.queue.updated', { what: what(editing.row) })), onSettled: () => setEditing(null) },
              );
            }}
          >
            <label className="field">
              <span className="field__label">{t('indicators.values.value')}</span>
              <input
                className="input"
                inputMode="decimal"
                value={editing.value}
                onChange={(e) => setEditing({ ...editing, value: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">{t('indicators.values.note')}</span>
              <textarea
                className="input input--textarea"
                value={editing.note}
                onChange={(e) => setEditing({ ...editing, note: e.target.value })}
              />
            </label>
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={update.isPending}>
                {t('indicators.queue.save')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
                {t('indicators.queue.cancel')}
              </button>
            </div>
          </form>
        ) : null}
      </Dialog>

      <Dialog
        open={deleting !== null}
        title={deleting ? t('indicators.queue.confirmDelete', { what: what(deleting) }) : ''}
        onClose={() => setDeleting(null)}
      >
        {deleting ? (
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { id: deleting.id, version: deleting.version },
                  { ...done(t('indicators.queue.deleted', { what: what(deleting) })), onSettled: () => setDeleting(null) },
                )
              }
            >
              {t('indicators.queue.delete')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDeleting(null)}>
              {t('indicators.queue.cancel')}
            </button>
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}
