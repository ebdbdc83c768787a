import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { outboxEngine } from '../../../lib/offline/outbox';
import type { OutboxFields, OutboxItem, OutboxKind } from '../../../lib/offline/outbox-types';

/** Per kind, the record as the server answers it mapped to the fields its form sends (each feature's own mapping). */
export type Projections = Partial<Record<OutboxKind, (record: OutboxFields) => OutboxFields>>;

/** Stable JSON (keys sorted): two values are "the same" when it is equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as OutboxFields)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as OutboxFields)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** The fields of my edit whose value differs from theirs. */
export function differingFields(mine: OutboxFields, theirs: OutboxFields): string[] {
  return Object.keys(mine).filter((key) => canonical(mine[key]) !== canonical(theirs[key]));
}

/** A value as one line of text: lists joined, objects as their values. */
function show(value: unknown, none: string): string {
  if (value === null || value === undefined || value === '') return none;
  if (Array.isArray(value)) return value.length ? value.map((v) => show(v, none)).join(', ') : none;
  if (typeof value === 'object')
    return Object.entries(value as OutboxFields)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k}: ${show(v, none)}`)
      .join('; ');
  return String(value);
}

/**
 * A conflict side by side: my edit, their version, the fields that differ; "Tieni la mia" (resend
 * mine at their version), "Prendi la loro" (my edit leaves the outbox), or a merge field by field.
 */
export function ConflictView({ item, projections }: { item: OutboxItem; projections: Projections }) {
  const { t } = useTranslation();
  const theirs = item.theirs ? (projections[item.kind]?.(item.theirs) ?? item.theirs) : {};
  const differing = differingFields(item.fields, theirs);
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>({});
  const seq = item.seq as number;
  const none = t('common.none');

  const merge = async () => {
    const merged = { ...item.fields };
    for (const f of differing) if (choice[f] === 'theirs') merged[f] = theirs[f];
    await outboxEngine().merge(seq, merged);
    void outboxEngine().sendNow();
  };
  const keepMine = async () => {
    await outboxEngine().keepMine(seq);
    void outboxEngine().sendNow();
  };

  return (
    <Alert tone="warning" title={t('outbox.conflictTitle')}>
      <p>{t('outbox.conflict')}</p>
      {differing.length === 0 ? (
        <p>{t('outbox.conflictSame')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table outbox-conflict">
            <caption className="sr-only">{t('outbox.conflictCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.fieldColumn')}</th>
                <th scope="col">{t('outbox.mine')}</th>
                <th scope="col">{t('outbox.theirs')}</th>
                <th scope="col">{t('outbox.keep')}</th>
              </tr>
            </thead>
            <tbody>
              {differing.map((f) => {
                const label = t(`outbox.field.${f}`, { defaultValue: f });
                return (
                  <tr key={f}>
                    <th scope="row">{label}</th>
                    <td>{show(item.fields[f], none)}</td>
                    <td>{show(theirs[f], none)}</td>
                    <td>
                      <fieldset className="outbox-conflict__choice">
                        <legend className="sr-only">{t('outbox.keepField', { field: label })}</legend>
                        {(['mine', 'theirs'] as const).map((side) => (
                          <label key={side} className="check">
                            <input
                              type="radio"
                              name={`conflict-${seq}-${f}`}
                              checked={(choice[f] ?? 'mine') === side}
                              onChange={() => setChoice((c) => ({ ...c, [f]: side }))}
                            />
                            <span>{t(`outbox.${side}Short`)}</span>
                          </label>
                        ))}
                      </fieldset>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => void keepMine()}>
          {t('outbox.keepMine')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void outboxEngine().takeTheirs(seq)}>
          {t('outbox.takeTheirs')}
        </button>
        {differing.length > 1 ? (
          <button type="button" className="button button--secondary" onClick={() => void merge()}>
            {t('outbox.merge')}
          </button>
        ) : null}
      </div>
    </Alert>
  );
}
