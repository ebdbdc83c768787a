import { zodResolver } from '@hookform/resolvers/zod';
import { MIN_PASSWORD_LENGTH } from '@trama/contracts';
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

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: 'validation.required' }),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, { error: 'validation.passwordTooShort' }),
    confirmPassword: z.string().min(1, { error: 'validation.required' }),
  })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ['confirmPassword'], error: 'validation.passwordsDiffer' })
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
      <TextField
        label={t('password.new')}
        hint={t('password.newHint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
        error={fieldErrorText(t, errors.newPassword)}
        {...register('newPassword')}
      />
      <TextField
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
        required
        error={fieldErrorText(t, errors.confirmPassword)}
        {...register('confirmPassword')}
      />
      <button type="submit" className="button button--primary" disabled={change.isPending}>
        {change.isPending ? t('common.saving') : t('password.submit')}
      </button>
    </form>
  );
}
