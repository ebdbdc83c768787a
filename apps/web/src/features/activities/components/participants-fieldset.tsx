import { PARTICIPANT_GROUPS } from '@trama/contracts';
import { useId } from 'react';
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field';
import { fieldErrorText } from '../../../lib/forms/form-errors';
import { useFormatters } from '../../../lib/i18n/format';
import { groupsExceedTotal, groupsSum, type ActivityFormValues } from './activity-form-schema';

interface ParticipantsFieldsetProps {
  control: Control<ActivityFormValues>;
  register: UseFormRegister<ActivityFormValues>;
  errors: FieldErrors<ActivityFormValues>['participants'];
}

/** Total and groups. The groups' running sum is shown as the user types; above the total it turns into an error. */
export function ParticipantsFieldset({ control, register, errors }: ParticipantsFieldsetProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sumId = useId();
  const values = useWatch({ control, name: 'participants' });
  const sum = groupsSum(values);
  const over = groupsExceedTotal(values);
  const numeric = { inputMode: 'numeric', pattern: '[0-9]*', autoComplete: 'off', enterKeyHint: 'next' } as const;

  return (
    <fieldset className="fieldset" aria-describedby={sumId}>
      <legend>{t('activities.form.participants')}</legend>
      <TextField
        label={t('activities.form.participantsTotal')}
        required
        {...numeric}
        error={fieldErrorText(t, errors?.total)}
        {...register('participants.total')}
      />
      <p className="field__hint">{t('activities.form.groupsHint')}</p>
      <div className="grid-2">
        {PARTICIPANT_GROUPS.map((group) => (
          <TextField
            key={group}
            label={t(`vocab.participantGroup.${group}`)}
            {...numeric}
            error={fieldErrorText(t, errors?.[group])}
            {...register(`participants.${group}`, { deps: ['participants.total'] })}
          />
        ))}
      </div>
      <p id={sumId} className={`groups-sum${over ? ' groups-sum--over' : ''}`}>
        {over
          ? t('activities.form.groupsOver', { sum: format.integer(sum), total: format.integer(Number(values.total)) })
          : t('activities.form.groupsSum', { sum: format.integer(sum) })}
      </p>
    </fieldset>
  );
}
