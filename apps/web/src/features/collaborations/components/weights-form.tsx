import {
  COLLABORATION_FACTORS,
  COLLABORATION_HALF_LIFE,
  COLLABORATION_MAX_HOPS,
  COLLABORATION_MIN_SCORE,
  COLLABORATION_WEIGHT_MAX,
  type CollaborationFactor,
} from '@trama/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { ProblemList } from '../../../components/problem-list';
import { TextField } from '../../../components/form-field';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage, fieldProblemText } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useCollaborationWeights, useReloadWeights, useResetWeights, useSaveWeights } from '../api/weights';
import type { CollaborationWeights, UpdateWeightsRequest } from '../api/types';
import { RecomputeStatus } from './recompute-status';

type Values = Record<CollaborationFactor | 'halfLifeMonths' | 'maxHops' | 'minScore', string>;
type Notice = 'saved' | 'reset' | 'conflict' | null;

const RANGES: Record<keyof Values, { min: number; max: number }> = {
  ...(Object.fromEntries(COLLABORATION_FACTORS.map((f) => [f, { min: 0, max: COLLABORATION_WEIGHT_MAX }])) as Record<
    CollaborationFactor,
    { min: number; max: number }
  >),
  halfLifeMonths: COLLABORATION_HALF_LIFE,
  maxHops: COLLABORATION_MAX_HOPS,
  minScore: COLLABORATION_MIN_SCORE,
};

function valuesOf(w: CollaborationWeights): Values {
  return {
    ...(Object.fromEntries(COLLABORATION_FACTORS.map((f) => [f, String(w.weights[f])])) as Record<CollaborationFactor, string>),
    halfLifeMonths: String(w.halfLifeMonths),
    maxHops: String(w.maxHops),
    minScore: String(w.minScore),
  };
}

/** The problems of the form's values, by field (`_weights` for "every weight is 0"). */
export function weightProblems(values: Values): Partial<Record<keyof Values | '_weights', 'outOfRange' | 'allZero'>> {
  const problems: Partial<Record<keyof Values | '_weights', 'outOfRange' | 'allZero'>> = {};
  for (const [key, range] of Object.entries(RANGES) as [keyof Values, { min: number; max: number }][]) {
    const text = values[key].trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < range.min || n > range.max) problems[key] = 'outOfRange';
  }
  if (COLLABORATION_FACTORS.every((f) => !problems[f] && Number(values[f]) === 0)) problems._weights = 'allZero';
  return problems;
}

function requestOf(values: Values, version: number): UpdateWeightsRequest {
  return {
    weights: Object.fromEntries(COLLABORATION_FACTORS.map((f) => [f, Number(values[f])])) as UpdateWeightsRequest['weights'],
    halfLifeMonths: Number(values.halfLifeMonths),
    maxHops: Number(values.maxHops),
    minScore: Number(values.minScore),
    version,
  };
}

interface FormProps {
  weights: CollaborationWeights;
  onNotice: (notice: Notice) => void;
  /** owned by the page, not by this form: a save remounts the form (new version), and the
   * callbacks of a mutation whose component is gone never run */
  save: ReturnType<typeof useSaveWeights>;
  reset: ReturnType<typeof useResetWeights>;
}

function WeightsFields({ weights, onNotice, save, reset }: FormProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const reload = useReloadWeights();
  const [values, setValues] = useState<Values>(() => valuesOf(weights));
  const [checked, setChecked] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const problems = checked ? weightProblems(values) : {};
  const failed = save.error ?? reset.error;

  const onError = (error: unknown) => {
    if (isApiRequestError(error) && error.status === 409) {
      onNotice('conflict');
      void reload();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(weightProblems(values)).length) return;
    onNotice(null);
    save.mutate(requestOf(values, weights.version), { onSuccess: () => onNotice('saved'), onError });
  };
  const field = (key: keyof Values, label: string, hint: string) => (
    <TextField
      key={key}
      label={label}
      hint={hint}
      inputMode="numeric"
      required
      value={values[key]}
      error={problems[key] ? t('collaborations.weights.outOfRange', RANGES[key]) : undefined}
      onChange={(e) => setValues({ ...values, [key]: e.target.value })}
    />
  );
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <fieldset className="fieldset">
        <legend>{t('collaborations.weights.factors')}</legend>
        <div className="collab-weights">
          {COLLABORATION_FACTORS.map((f) =>
            field(
              f,
              t(`collaborations.weights.factor.${f}`),
              t('collaborations.weights.default', { value: format.integer(weights.defaults.weights[f]) }),
            ),
          )}
        </div>
        {problems._weights ? <p className="field__error">{t('collaborations.weights.allZero')}</p> : null}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('collaborations.weights.network')}</legend>
        <div className="collab-weights">
          {field(
            'halfLifeMonths',
            t('collaborations.weights.halfLifeMonths'),
            t('collaborations.weights.halfLifeHint', RANGES.halfLifeMonths),
          )}
          {field('maxHops', t('collaborations.weights.maxHops'), t('collaborations.weights.maxHopsHint', RANGES.maxHops))}
          {field('minScore', t('collaborations.weights.minScore'), t('collaborations.weights.minScoreHint', RANGES.minScore))}
        </div>
      </fieldset>
      {failed && !(isApiRequestError(failed) && failed.status === 409) ? (
        <Alert tone="error" title={t('collaborations.weights.failed')}>
          <p>{errorMessage(t, failed)}</p>
          {/* the server's problems by field (the same bounds as here: seen only if they ever differ) */}
          <ProblemList lines={isApiRequestError(failed) ? failed.details.map((d) => `${d.field}: ${fieldProblemText(t, d)}`) : []} />
        </Alert>
      ) : null}
      <div className="collab-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('collaborations.weights.saving') : t('collaborations.weights.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirmReset(true)} disabled={reset.isPending}>
          {t('collaborations.weights.reset')}
        </button>
      </div>
      {confirmReset ? (
        <div className="confirm stack-tight" role="group" aria-label={t('collaborations.weights.reset')}>
          <p>{t('collaborations.weights.resetConfirm')}</p>
          <div className="collab-actions">
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setConfirmReset(false);
                onNotice(null);
                reset.mutate(weights.version, { onSuccess: () => onNotice('reset'), onError });
              }}
            >
              {t('collaborations.weights.reset')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmReset(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}

/**
 * The coordinators' weights page: the factors' weights, the half-life of links, the hops within
 * which two organizations are close and the lowest score kept; saved with the version loaded (a 409
 * says someone else saved and reloads), reset to the defaults, and the recompute's progress.
 */
export function WeightsForm() {
  const { t } = useTranslation();
  const format = useFormatters();
  const weights = useCollaborationWeights();
  const save = useSaveWeights();
  const reset = useResetWeights();
  const [notice, setNotice] = useState<Notice>(null);
  if (weights.isPending) return <Loading />;
  if (!weights.data) {
    return (
      <Alert tone="error" title={t('collaborations.weights.loadFailed')}>
        {errorMessage(t, weights.error)}
      </Alert>
    );
  }
  const w = weights.data;
  return (
    <div className="stack">
      <RecomputeStatus />
      {notice === 'conflict' ? (
        <Alert tone="error" title={t('common.conflictTitle')}>
          {t('collaborations.weights.conflict')}
        </Alert>
      ) : notice === 'saved' ? (
        <Alert tone="success">{t('collaborations.weights.saved')}</Alert>
      ) : notice === 'reset' ? (
        <Alert tone="success">{t('collaborations.weights.resetDone')}</Alert>
      ) : null}
      <p className="muted">
        {w.updatedAt
          ? t('collaborations.weights.updated', { date: format.dateTime(w.updatedAt), name: w.updatedBy?.fullName ?? '' })
          : t('collaborations.weights.neverUpdated')}
      </p>
      {/* a new version (saved here, reset, or reloaded after a conflict) starts the form from what is saved */}
      <WeightsFields key={w.version} weights={w} onNotice={setNotice} save={save} reset={reset} />
    </div>
  );
}
