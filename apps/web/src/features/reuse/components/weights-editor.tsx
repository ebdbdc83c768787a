import { REUSE_FACTORS, REUSE_WEIGHT_MAX, type ReuseFactor } from '@trama/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { TextField } from '../../../components/form-field';
import { Loading } from '../../../components/loading';
import { SaveErrorAlert } from '../../../components/save-error-alert';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useReuseWeights, useResetReuseWeights, useSaveReuseWeights } from '../api/weights';
import type { ReuseWeightsResponse } from '../api/types';
import '../reuse.css';
import { ReuseProgress } from './reuse-progress';

type Draft = Record<ReuseFactor, string>;

const draftOf = (w: ReuseWeightsResponse['weights']): Draft =>
  Object.fromEntries(REUSE_FACTORS.map((f) => [f, String(w[f])])) as Draft;

function validWeight(value: string): boolean {
  return /^\d{1,3}$/.test(value) && Number(value) <= REUSE_WEIGHT_MAX;
}

function WeightsForm({ data }: { data: ReuseWeightsResponse }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(data.weights));
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSaveReuseWeights();
  const reset = useResetReuseWeights();
  const invalid = REUSE_FACTORS.filter((f) => !validWeight(draft[f]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (invalid.length > 0) return;
    const weights = Object.fromEntries(REUSE_FACTORS.map((f) => [f, Number(draft[f])])) as ReuseWeightsResponse['weights'];
    save.mutate(
      { version: data.version, weights },
      { onSuccess: (next) => (setDraft(draftOf(next.weights)), setNotice(t('reuse.weights.saved'))) },
    );
  };
  const error = save.error ?? reset.error;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="reuse-weights">
        {REUSE_FACTORS.map((f) => (
          <TextField
            key={f}
            label={t(`reuse.factors.${f}`)}
            hint={t(`reuse.factorHints.${f}`, { default: data.defaults[f] })}
            type="number"
            inputMode="numeric"
            min={0}
            max={REUSE_WEIGHT_MAX}
            step={1}
            value={draft[f]}
            error={validWeight(draft[f]) ? undefined : t('reuse.weights.invalid', { max: REUSE_WEIGHT_MAX })}
            onChange={(e) => setDraft((d) => ({ ...d, [f]: e.target.value }))}
          />
        ))}
      </div>
      {error ? (
        <SaveErrorAlert
          error={error}
          conflict={isApiRequestError(error) && error.status === 409}
          title={t('reuse.weights.notSaved')}
          fixFields={t('reuse.weights.fixFields')}
          unmatched={[]}
        />
      ) : null}
      {notice ? (
        <Alert tone="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('reuse.weights.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={reset.isPending}
          onClick={() => {
            setNotice(null);
            reset.mutate(data.version, { onSuccess: (next) => (setDraft(draftOf(next.weights)), setNotice(t('reuse.weights.resetDone'))) });
          }}
        >
          {t('reuse.weights.reset')}
        </button>
      </div>
    </form>
  );
}

/** The coordinators' editor of the tenant's weights: one number 0–100 per factor, save, reset; the recompute's progress. */
export function WeightsEditor() {
  const { t } = useTranslation();
  const weights = useReuseWeights();
  return (
    <div className="stack">
      <ReuseProgress />
      {weights.isPending ? <Loading /> : null}
      {weights.isError && !weights.data ? <Alert tone="error">{errorMessage(t, weights.error)}</Alert> : null}
      {weights.data ? <WeightsForm data={weights.data} /> : null}
    </div>
  );
}
