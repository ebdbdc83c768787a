import { useId } from 'react';
import { useWatch, type Control, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field';
import { useFormatters } from '../../../lib/i18n/format';
import { DURATION_PICKS, type ActivityFormValues } from './activity-form-schema';

interface DurationFieldProps {
  control: Control<ActivityFormValues>;
  field: UseFormRegisterReturn<'durationMinutes'>;
  error?: string;
  onPick: (minutes: number) => void;
}

/** Minutes, typed or picked with one tap (30, 60, 90, 120). */
export function DurationField({ control, field, error, onPick }: DurationFieldProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const value = useWatch({ control, name: 'durationMinutes' });
  const picksId = useId();
  return (
    <div className="stack-tight">
      <TextField
        label={t('activities.form.duration')}
        required
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        error={error}
        {...field}
      />
      <div className="quick-picks" role="group" aria-labelledby={picksId}>
        <span id={picksId} className="sr-only">
          {t('activities.form.durationPicks')}
        </span>
        {DURATION_PICKS.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="button button--secondary button--small"
            aria-pressed={value.trim() === String(minutes)}
            onClick={() => onPick(minutes)}
          >
            {t('activities.form.minutes', { count: minutes, formatted: format.integer(minutes) })}
          </button>
        ))}
      </div>
    </div>
  );
}
