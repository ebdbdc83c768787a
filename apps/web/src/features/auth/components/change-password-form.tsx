import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../../components/alert';
import { ProblemList } from '../../../components/problem-list';
import { TextField } from '../../../components/form-field';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { useChangePassword } from '../api/change-password';
import { confirmationMatches, NewPasswordFields, newPasswordShape } from './new-password-fields';

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: 'validation.required' }),
    ...newPasswordShape,
  })
  .refine(...confirmationMatches)
  .refine((values) => values.newPassword !== values.currentPassword, { path: ['newPassword'], error: 'validation.passwordUnchanged' });
type ChangePasswordValues = z.infer<typeof changePasswordSchema>;

function isWrongCurrentPassword(error: unknown): boolean {
  return isApiRequestError(error) && error.code === 'CURRENT_PASSWORD_WRONG';
}

/**
 * After a change the server ends every session of the user (this one too): `onChanged` sends them to
 * sign in again (or signs in with the new password itself).
 */
export function ChangePasswordForm({ onChanged }: { onChanged: (newPassword: string) => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(({ currentPassword, newPassword }) => {
    setUnmatched([]);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          reset();
          onChanged(newPassword);
        },
        onError: (error) => {
          if (isWrongCurrentPassword(error)) {
            setError('currentPassword', { type: 'server', message: 'validation.currentPasswordWrong' }, { shouldFocus: true });
            return;
          }
          setUnmatched(applyServerFieldErrors(error, setError, ['currentPassword', 'newPassword']));
        },
      },
    );
  });

  const showGeneralError =
    change.isError && !(isApiRequestError(change.error) && change.error.details.length > 0 && unmatched.length === 0);
  const wrongCurrent = isWrongCurrentPassword(change.error);

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {change.isSuccess ? <Alert tone="success">{t('password.changed')}</Alert> : null}
      {showGeneralError && !wrongCurrent ? (
        <Alert tone="error" title={t('password.failed')}>
          {errorMessage(t, change.error)}
          <ProblemList lines={unmatched} />
        </Alert>
      ) : null}
      <TextField
        label={t('password.current')}
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrorText(t, errors.currentPassword)}
        {...register('currentPassword')}
      />
      <NewPasswordFields newPassword={register('newPassword')} confirmPassword={register('confirmPassword')} errors={errors} />
      <button type="submit" className="button button--primary" disabled={change.isPending}>
        {change.isPending ? t('common.saving') : t('password.submit')}
      </button>
    </form>
  );
}
