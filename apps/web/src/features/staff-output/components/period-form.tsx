import { STAFF_OUTPUT_MAX_STALE_DAYS, STAFF_OUTPUT_MAX_YEARS } from '@trama/contracts';
import type { TenantRef } from '../../../lib/api/types';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';
import { isStaleDays, PERIOD_PRESETS, periodOf, periodProblems, type PeriodPreset, type StaffOutputFilter } from '../utils/period';

export type FilterField = 'tenant' | 'from' | 'to' | 'staleDays';

interface PeriodFormProps {
  filter: StaffOutputFilter;
  today: string;
  /** admins choose the metropolitan city; null for everyone else */
  tenants: TenantRef[] | null;
  /** messages the server gave per field (a 400's details) */
  serverErrors?: Partial<Record<FilterField, string[]>>;
  onApply: (filter: StaffOutputFilter) => void;
}

interface Draft {
  preset: PeriodPreset;
  from: string;
  to: string;
  staleDays: string;
  tenant: string;
}

function draftOf(filter: StaffOutputFilter, today: string): Draft {
  // Switching to "custom" starts from the period shown, so that adjusting one end is one edit.
  const period = periodOf(filter, today);
  return {
    preset: filter.preset,
    from: filter.from ?? period?.from ?? '',
    to: filter.to ?? period?.to ?? '',
    staleDays: String(filter.staleDays),
    tenant: filter.tenant ?? '',
  };
}

/** Period (presets or custom dates), staleness window and, for admins, the metropolitan city. Applied on submit. */
export function PeriodForm({ filter, today, tenants, serverErrors = {}, onApply }: PeriodFormProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const ids = { preset: useId(), from: useId(), to: useId(), staleDays: useId(), tenant: useId() };
  const [draft, setDraft] = useState<Draft>(() => draftOf(filter, today));
  const [problems, setProblems] = useState<Partial<Record<FilterField, string>>>({});

  const errorOf = (field: FilterField): string | undefined => problems[field] ?? serverErrors[field]?.join(' ');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<FilterField, string>> = {};
    if (draft.preset === 'custom') {
      const p = periodProblems(draft.from, draft.to);
      if (p.from) found.from = t(`staffOutput.filters.problems.${p.from}`);
      if (p.to) found.to = t(`staffOutput.filters.problems.${p.to}`, { years: STAFF_OUTPUT_MAX_YEARS });
    }
    const staleDays = Number(draft.staleDays);
    if (draft.staleDays.trim() === '' || !isStaleDays(staleDays))
      found.staleDays = t('staffOutput.filters.problems.staleDaysRange', { max: STAFF_OUTPUT_MAX_STALE_DAYS });
    if (tenants && !draft.tenant) found.tenant = t('staffOutput.filters.problems.tenantRequired');
    setProblems(found);
    if (Object.keys(found).length) return;
    onApply({
      preset: draft.preset,
      ...(draft.preset === 'custom' ? { from: draft.from, to: draft.to } : {}),
      staleDays,
      tenant: tenants ? draft.tenant : undefined,
    });
  };

  const describe = (id: string, field: FilterField, hint?: boolean) =>
    [hint ? `${id}-hint` : null, errorOf(field) ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const error = (id: string, field: FilterField) =>
    errorOf(field) ? (
      <p className="field__error" id={`${id}-error`}>
        {errorOf(field)}
      </p>
    ) : null;
  const presetText = (preset: PeriodPreset) => {
    if (preset === 'custom') return t('staffOutput.filters.presets.custom');
    const period = periodOf({ preset, staleDays: filter.staleDays }, today)!;
    return t('staffOutput.filters.presetWithDates', {
      name: t(`staffOutput.filters.presets.${preset}`),
      from: format.date(period.from),
      to: format.date(period.to),
    });
  };

  return (
    <form className="filters staff-filters" onSubmit={submit} aria-label={t('staffOutput.filters.label')} noValidate>
      {tenants ? (
        <div className="field">
          <label className="field__label" htmlFor={ids.tenant}>
            {t('staffOutput.filters.tenant')}
          </label>
          <select
            id={ids.tenant}
            className="input"
            value={draft.tenant}
            aria-invalid={errorOf('tenant') ? true : undefined}
            aria-describedby={describe(ids.tenant, 'tenant')}
            onChange={(e) => setDraft({ ...draft, tenant: e.target.value })}
          >
            <option value="">{t('common.choose')}</option>
            {tenants.map((tenant) => (
              <option key={tenant.istatCode} value={tenant.istatCode}>
                {tenant.name}
              </option>
            ))}
          </select>
          {error(ids.tenant, 'tenant')}
        </div>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={ids.preset}>
          {t('staffOutput.filters.period')}
        </label>
        <select
          id={ids.preset}
          className="input"
          value={draft.preset}
          onChange={(e) => setDraft({ ...draft, preset: e.target.value as PeriodPreset })}
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {presetText(preset)}
            </option>
          ))}
        </select>
      </div>
      {draft.preset === 'custom' ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor={ids.from}>
              {t('staffOutput.filters.from')}
            </label>
            <input
              id={ids.from}
              className="input"
              type="date"
              value={draft.from}
              max={draft.to || undefined}
              aria-invalid={errorOf('from') ? true : undefined}
              aria-describedby={describe(ids.from, 'from')}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
            {error(ids.from, 'from')}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.to}>
              {t('staffOutput.filters.to')}
            </label>
            <input
              id={ids.to}
              className="input"
              type="date"
              value={draft.to}
              min={draft.from || undefined}
              aria-invalid={errorOf('to') ? true : undefined}
              aria-describedby={describe(ids.to, 'to')}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
            {error(ids.to, 'to')}
          </div>
        </>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={ids.staleDays}>
          {t('staffOutput.filters.staleDays')}
        </label>
        <input
          id={ids.staleDays}
          className="input staff-filters__days"
          type="number"
          inputMode="numeric"
          min={1}
          max={STAFF_OUTPUT_MAX_STALE_DAYS}
          step={1}
          value={draft.staleDays}
          aria-invalid={errorOf('staleDays') ? true : undefined}
          aria-describedby={describe(ids.staleDays, 'staleDays', true)}
          onChange={(e) => setDraft({ ...draft, staleDays: e.target.value })}
        />
        <p className="field__hint" id={`${ids.staleDays}-hint`}>
          {t('staffOutput.filters.staleDaysHint', { max: STAFF_OUTPUT_MAX_STALE_DAYS })}
        </p>
        {error(ids.staleDays, 'staleDays')}
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {t('staffOutput.filters.apply')}
        </button>
      </div>
    </form>
  );
}
