import { zodResolver } from '@hookform/resolvers/zod';
import type { UserDto } from '../api/types';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { SaveErrorAlert } from '../../../components/save-error-alert';
import { TextField } from '../../../components/form-field';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { useUpdateUser } from '../api/update-user';
import { isConflict } from './conflict';
import { TerritoryFieldset } from './territory-fieldset';
import { editUserSchema, editValuesOf, toUpdateUserRequest, type EditUserValues } from './user-form-schema';

export function EditUserForm({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    reset,
    formState: { errors, isDirty },
  } = useForm<EditUserValues>({ resolver: zodResolver(editUserSchema), defaultValues: editValuesOf(user) });

  // A newer version of the user arrived (after a save or a conflict): start from it.
  useEffect(() => {
    reset(editValuesOf(user));
  }, [user, reset]);

  const territoryKind = useWatch({ control, name: 'territory.kind' });

  const onSubmit = handleSubmit((values) => {
    setUnmatched([]);
    update.mutate(toUpdateUserRequest(values, user.version), {
      onError: (error) =>
        setUnmatched(
          applyServerFieldErrors(error, setError, ['fullName', 'hiredOn', 'contractEnd', 'territory.kind', 'territory.code'], {
            territory: 'territory.code',
          }),
        ),
    });
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {update.isSuccess && !isDirty ? <Alert tone="success">{t('users.edit.saved')}</Alert> : null}
      {update.isError ? (
        <SaveErrorAlert
          error={update.error}
          conflict={isConflict(update.error)}
          title={t('users.edit.failed')}
          fixFields={t('users.form.fixFields')}
          unmatched={unmatched}
        />
      ) : null}
      <TextField label={t('users.form.fullName')} required error={fieldErrorText(t, errors.fullName)} {...register('fullName')} />
      {user.role === 'innovator' ? (
        <div className="grid-2">
          <TextField label={t('users.form.hiredOn')} type="date" error={fieldErrorText(t, errors.hiredOn)} {...register('hiredOn')} />
          <TextField
            label={t('users.form.contractEnd')}
            type="date"
            error={fieldErrorText(t, errors.contractEnd)}
            {...register('contractEnd')}
          />
        </div>
      ) : null}
      {user.role === 'municipality' ? (
        <TerritoryFieldset
          kind={territoryKind}
          kindField={register('territory.kind', { onChange: () => setValue('territory.code', '') })}
          codeField={register('territory.code')}
          kindError={fieldErrorText(t, errors.territory?.kind)}
          codeError={fieldErrorText(t, errors.territory?.code)}
        />
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
