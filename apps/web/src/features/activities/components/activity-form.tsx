import { zodResolver } from '@hookform/resolvers/zod';
import { ACTIVITY_TYPES } from '@trama/contracts';
import { useEffect, useId, useMemo, useRef, useState, type BaseSyntheticEvent, type ReactNode, type Ref } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { ProblemList } from '../../../components/problem-list';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { errorMessage } from '../../../lib/api/error-message';
import type { MunicipalityRef } from '../../../lib/api/types';
import { useSessionUser } from '../../../lib/auth/session';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { isOfflineFailure } from '../../../lib/offline/outbox';
import { useFormDraft } from '../../../lib/offline/outbox-draft';
import { queueRecord } from '../../../lib/offline/outbox-queue';
import { useFormatters } from '../../../lib/i18n/format';
import type { ActivityDto } from '../api/types';
import '../activities.css';
import { useActivitySave, type SaveIntent, type SaveOutcome } from '../hooks/use-activity-save';
import { isEditable } from '../utils/permissions';
import {
  ACTIVITY_FIELD_ALIASES,
  ACTIVITY_FIELDS,
  ACTIVITY_LIMITS,
  activityFields,
  activitySchema,
  activityValuesOf,
  draftSchema,
  emptyActivity,
  type ActivityFormValues,
} from './activity-form-schema';
import { DurationField } from './duration-field';
import { LocationFieldset } from './location-fieldset';
import { ParticipantsFieldset } from './participants-fieldset';
import { ReviewComment } from './review-comment';
import { ThemesFieldset } from './themes-fieldset';

export interface OrganizationChoice {
  id: string;
  name: string;
}

/** What the form hands to the organizations field (the organizations feature provides it: features do not import each other). */
export interface OrganizationsFieldProps {
  legend: string;
  value: OrganizationChoice[];
  onChange: (value: OrganizationChoice[]) => void;
  /** ISTAT code of the activity's municipality: the default for an organization created inline */
  municipality: string;
  /** where the user may register organizations */
  municipalities: MunicipalityRef[];
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/** What the form hands to the initiative field (the initiatives feature provides it). */
export interface InitiativeFieldProps {
  label: string;
  value: { id: string; title: string } | null;
  onChange: (value: { id: string; title: string } | null) => void;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/** What the form hands to the building field (the buildings feature provides it). */
export interface BuildingFieldProps {
  label: string;
  value: { id: string; name: string } | null;
  onChange: (value: { id: string; name: string } | null) => void;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

export type ActivityFormOutcome = SaveOutcome;

interface ActivityFormProps {
  /** the activity being edited; absent for a new one */
  activity?: ActivityDto;
  /** the municipalities the user may log activities in */
  municipalities: MunicipalityRef[];
  defaultDate: string;
  renderOrganizations?: (props: OrganizationsFieldProps) => ReactNode;
  /** the initiative picker (the initiatives feature's), when the route gives one */
  renderInitiative?: (props: InitiativeFieldProps) => ReactNode;
  /** the building picker (the buildings feature's), when the route gives one */
  renderBuilding?: (props: BuildingFieldProps) => ReactNode;
  onDone: (activity: ActivityDto, outcome: ActivityFormOutcome) => void;
  /** told when the form starts or stops holding unsaved text (the route asks before leaving: LeaveGuard) */
  onDirtyChange?: (dirty: boolean) => void;
  /** the save could not reach the server: the activity went to the outbox (as a draft) */
  onQueued?: () => void;
}

type Problem =
  | { kind: 'invalid' }
  | { kind: 'fields'; unmatched: string[] }
  | { kind: 'conflict' }
  | { kind: 'reloaded'; latest: ActivityDto }
  | { kind: 'failed'; error: unknown; savedAsDraft: boolean };

/**
 * A new activity, or the edit of a draft or returned one. Phone first: one column, native inputs,
 * large targets. "Salva bozza" saves; "Invia per revisione" saves and submits.
 *
 * The view of `useActivitySave`, which runs the save sequence (idempotent create, edit, submit) and
 * says why it stopped; this form turns that into messages beside the fields or above them. The typed
 * text is never dropped: after a conflict (409) the user chooses to keep it or to load the other version.
 */
export function ActivityForm({
  activity,
  municipalities,
  defaultDate,
  renderOrganizations,
  renderInitiative,
  renderBuilding,
  onDone,
  onDirtyChange,
  onQueued,
}: ActivityFormProps) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const format = useFormatters();
  const alertId = useId();
  /** which rules the resolver applies: the draft's (what was typed) or submission's (the full set) */
  const intent = useRef<SaveIntent>('draft');
  const defaultValues = useMemo(
    () =>
      activity
        ? activityValuesOf(activity)
        : emptyActivity({ date: defaultDate, municipality: municipalities.length === 1 ? municipalities[0].istatCode : '' }),
    // The form starts from the activity once; later copies (after a save) must not overwrite what is typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const form = useForm<ActivityFormValues>({
    // a draft is saved with what was typed; submission needs the full set (the server says the same)
    resolver: (values, context, options) =>
      zodResolver(intent.current === 'submit' ? activitySchema : draftSchema)(values, context, options),
    defaultValues,
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    reset,
    formState: { errors, isSubmitted, isDirty },
  } = form;
  const draft = useFormDraft(`activity:${activity?.id ?? 'new'}:${user.id}`, form);
  // an edit that changes nothing sends no PATCH: the baseline is the activity as the form first shows it
  const sequence = useActivitySave({ activity, baseline: activity ? activityFields(defaultValues) : undefined });
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);

  // Closing or reloading the tab with unsaved text asks first (in-app links leave the form as any page).
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const municipality = useWatch({ control, name: 'municipality' });
  const options = useMemo(() => {
    const list = [...municipalities];
    if (activity && !list.some((m) => m.istatCode === activity.municipality.istatCode)) list.push(activity.municipality);
    return list.sort((a, b) => format.compare(a.name, b.name));
  }, [municipalities, activity, format]);

  const choiceCodes = useMemo(() => options.map((m) => m.istatCode), [options]);

  /** The server could not be reached: the activity goes to the outbox as a draft (a creation with the form's clientId). */
  const queue = async (values: ActivityFormValues) => {
    const fields = activityFields(values);
    const saved = sequence.saved;
    await queueRecord({
      userId: user.id,
      kind: 'activity',
      ...(saved
        ? { recordId: saved.id, version: saved.version, baseline: activityFields(activityValuesOf(saved)) }
        : { clientId: sequence.clientId }),
      fields,
      label: fields.title ?? t('activities.untitled'),
    });
    await draft.clear();
    reset(values);
    onQueued?.();
  };

  const save = async (values: ActivityFormValues, intent: SaveIntent) => {
    setProblem(null);
    if (onQueued && typeof navigator !== 'undefined' && navigator.onLine === false) return queue(values);
    const result = await sequence.save(activityFields(values), intent);
    if (result.ok) {
      await draft.clear();
      onDone(result.activity, result.outcome);
      return;
    }
    const { failure } = result;
    if (onQueued && failure.kind === 'failed' && !failure.savedAsDraft && isOfflineFailure(failure.error)) return queue(values);
    // our own codes get our own words beside their fields
    if (failure.kind === 'invalid' && failure.error.code === 'ACTIVITY_POINT_OUTSIDE_MUNICIPALITY') {
      setError('location.lat', { type: 'server', message: 'validation.pointOutside' }, { shouldFocus: true });
      setProblem({ kind: 'fields', unmatched: [] });
      return;
    }
    if (failure.kind === 'invalid' && failure.error.code === 'ACTIVITY_INCOMPLETE') {
      const fields: Record<string, keyof ActivityFormValues | 'participants.total'> = { participants: 'participants.total' };
      failure.error.details.forEach((d, i) =>
        setError((fields[d.field] ?? d.field) as 'title', { type: 'server', message: 'validation.required' }, { shouldFocus: i === 0 }),
      );
      setProblem({ kind: 'fields', unmatched: [] });
      return;
    }
    if (failure.kind === 'conflict') setProblem({ kind: 'conflict' });
    else if (failure.kind === 'invalid')
      setProblem({ kind: 'fields', unmatched: applyServerFieldErrors(failure.error, setError, ACTIVITY_FIELDS, ACTIVITY_FIELD_ALIASES) });
    else setProblem({ kind: 'failed', error: failure.error, savedAsDraft: failure.savedAsDraft });
  };

  const onInvalid = () => setProblem({ kind: 'invalid' });
  const saveDraft = (event?: BaseSyntheticEvent) => {
    intent.current = 'draft';
    return handleSubmit((values) => save(values, 'draft'), onInvalid)(event);
  };
  const sendForReview = (event?: BaseSyntheticEvent) => {
    intent.current = 'submit';
    return handleSubmit((values) => save(values, 'submit'), onInvalid)(event);
  };

  /** After a conflict: load the other version, then keep the typed values (the next save replaces it) or take it. */
  const reload = async (keepMine: boolean) => {
    if (!sequence.saved) return;
    try {
      const latest = await sequence.reload();
      if (!keepMine) {
        const values = activityValuesOf(latest);
        reset(values);
        sequence.markSaved(activityFields(values));
      }
      setProblem(keepMine ? { kind: 'reloaded', latest } : null);
    } catch (error) {
      setProblem({ kind: 'failed', error, savedAsDraft: false });
    }
  };

  const pick = (name: 'durationMinutes', value: string) => setValue(name, value, { shouldDirty: true, shouldValidate: isSubmitted });
  const setPoint = (point: { lat: string; lon: string }) => {
    setValue('location.lat', point.lat, { shouldDirty: true, shouldValidate: isSubmitted });
    setValue('location.lon', point.lon, { shouldDirty: true, shouldValidate: isSubmitted });
  };

  const returned = activity?.status === 'returned' && activity.reviewComment ? activity : null;

  return (
    <form
      className="form activity-form"
      onSubmit={(event) => void saveDraft(event)}
      noValidate
      aria-describedby={problem ? alertId : undefined}
    >
      {returned ? <ReviewComment activity={returned} /> : null}

      {draft.restoredAt ? (
        <Alert tone="info">
          {t('outbox.draftRestored')}{' '}
          <button type="button" className="button button--small button--secondary" onClick={() => void draft.discard()}>
            {t('outbox.draftDiscard')}
          </button>
        </Alert>
      ) : null}

      <div id={alertId} className="form-problems">
        {problem?.kind === 'invalid' ? (
          <Alert tone="error" title={t('activities.form.notSaved')}>
            {t('activities.form.fixFields')}
          </Alert>
        ) : null}
        {problem?.kind === 'fields' ? (
          <Alert tone="error" title={t('activities.form.notSaved')}>
            <p>{t('activities.form.fixFields')}</p>
            <ProblemList lines={problem.unmatched} />
          </Alert>
        ) : null}
        {problem?.kind === 'conflict' ? (
          <Alert tone="error" title={t('activities.form.conflictTitle')}>
            <p>{t('activities.form.conflict')}</p>
            <div className="form__actions">
              <button type="button" className="button button--primary" disabled={sequence.reloading} onClick={() => void reload(true)}>
                {t('activities.form.keepMine')}
              </button>
              <button type="button" className="button button--secondary" disabled={sequence.reloading} onClick={() => void reload(false)}>
                {t('activities.form.takeTheirs')}
              </button>
            </div>
          </Alert>
        ) : null}
        {problem?.kind === 'reloaded' ? (
          isEditable(problem.latest.status) ? (
            <Alert tone="info">{t('activities.form.keptMine')}</Alert>
          ) : (
            <Alert tone="warning" title={t('activities.form.noLongerEditableTitle')}>
              {t('activities.form.noLongerEditable', { status: t(`vocab.activityStatus.${problem.latest.status}`) })}
            </Alert>
          )
        ) : null}
        {problem?.kind === 'failed' ? (
          <Alert tone="error" title={problem.savedAsDraft ? t('activities.form.savedNotSubmitted') : t('activities.form.notSaved')}>
            <p>{errorMessage(t, problem.error)}</p>
            <p>{t('activities.form.keptText')}</p>
          </Alert>
        ) : null}
      </div>

      <p className="field__hint">
        {t('activities.form.requiredNote')} {t('activities.form.draftNote')}
      </p>

      <SelectField label={t('activities.form.type')} required error={fieldErrorText(t, errors.type)} {...register('type')}>
        <option value="">{t('common.choose')}</option>
        {ACTIVITY_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`vocab.activityType.${type}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('activities.form.title')}
        required
        maxLength={ACTIVITY_LIMITS.title}
        autoComplete="off"
        enterKeyHint="next"
        error={fieldErrorText(t, errors.title)}
        {...register('title')}
      />
      <div className="grid-2">
        <TextField label={t('activities.form.date')} type="date" required error={fieldErrorText(t, errors.date)} {...register('date')} />
        <SelectField
          label={t('activities.form.municipality')}
          required
          error={fieldErrorText(t, errors.municipality)}
          {...register('municipality')}
        >
          {options.length !== 1 ? <option value="">{t('common.choose')}</option> : null}
          {options.map((m) => (
            <option key={m.istatCode} value={m.istatCode}>
              {m.name}
            </option>
          ))}
        </SelectField>
      </div>
      <DurationField
        control={control}
        field={register('durationMinutes')}
        error={fieldErrorText(t, errors.durationMinutes)}
        onPick={(minutes) => pick('durationMinutes', String(minutes))}
      />
      <TextAreaField
        label={t('activities.form.description')}
        rows={3}
        error={fieldErrorText(t, errors.description)}
        {...register('description')}
      />

      <ParticipantsFieldset control={control} register={register} errors={errors.participants} />

      <Controller
        control={control}
        name="themes"
        render={({ field, fieldState }) => (
          <ThemesFieldset
            ref={field.ref}
            legend={t('activities.form.themes')}
            value={field.value}
            onChange={field.onChange}
            error={fieldErrorText(t, fieldState.error)}
          />
        )}
      />

      {renderOrganizations ? (
        <Controller
          control={control}
          name="organizations"
          render={({ field, fieldState }) => (
            <>
              {renderOrganizations({
                legend: t('activities.form.organizations'),
                value: field.value,
                onChange: field.onChange,
                municipality,
                municipalities: options,
                error: fieldErrorText(t, fieldState.error),
                ref: field.ref,
              })}
            </>
          )}
        />
      ) : null}

      {renderInitiative ? (
        <Controller
          control={control}
          name="initiative"
          render={({ field, fieldState }) => (
            <>
              {renderInitiative({
                label: t('activities.form.initiative'),
                value: field.value,
                onChange: field.onChange,
                error: fieldErrorText(t, fieldState.error),
                ref: field.ref,
              })}
            </>
          )}
        />
      ) : null}

      {renderBuilding ? (
        <Controller
          control={control}
          name="building"
          render={({ field, fieldState }) => (
            <>
              {renderBuilding({
                label: t('activities.form.building'),
                value: field.value,
                onChange: field.onChange,
                error: fieldErrorText(t, fieldState.error),
                ref: field.ref,
              })}
            </>
          )}
        />
      ) : null}

      <LocationFieldset control={control} register={register} errors={errors.location} onPoint={setPoint} choices={choiceCodes} />

      <TextAreaField
        label={t('activities.form.outcomes')}
        hint={t('activities.form.outcomesHint')}
        rows={3}
        error={fieldErrorText(t, errors.outcomes)}
        {...register('outcomes')}
      />
      <TextAreaField
        label={t('activities.form.followUps')}
        hint={t('activities.form.followUpsHint')}
        rows={3}
        error={fieldErrorText(t, errors.followUps)}
        {...register('followUps')}
      />
      <TextAreaField
        label={t('activities.form.internalNotes')}
        hint={t('activities.form.internalNotesHint')}
        rows={2}
        error={fieldErrorText(t, errors.internalNotes)}
        {...register('internalNotes')}
      />

      <div className="form__actions form-actions--sticky">
        <button type="submit" className="button button--secondary" disabled={sequence.busy !== null || sequence.reloading}>
          {sequence.busy === 'draft' ? t('common.saving') : t('activities.form.saveDraft')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={sequence.busy !== null || sequence.reloading}
          onClick={(event) => void sendForReview(event)}
        >
          {sequence.busy === 'submit' ? t('activities.form.submitting') : t('activities.form.submit')}
        </button>
      </div>
    </form>
  );
}
