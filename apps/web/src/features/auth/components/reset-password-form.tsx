import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { Alert } from '../../../components/alert';
import { ProblemList } from '../../../components/problem-list';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { applyServerFieldErrors } from '../../../lib/forms/form-errors';
import { useConfirmPasswordReset } from '../api/password-reset';
import { confirmationMatches, NewPasswordFields, newPasswordShape } from './new-password-fields';

const schema = z.object(newPasswordShape).refine(...confirmationMatches);
type ResetPasswordValues = z.infer<typeof schema>;

/** A new password with the token of the e-mailed link; `onDone` runs once it is set. */
export function ResetPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmPasswordReset();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ResetPasswordValues>({ resolver: zodResolver(schema), defaultValues: { newPassword: '', confirmPassword: '' } });

  const onSubmit = handleSubmit(({ newPassword }) => {
    setUnmatched([]);
    confirm.mutate(
      { token, newPassword },
      { onSuccess: onDone, onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, ['newPassword'])) },
    );
  });
  const linkInvalid = isApiRequestError(confirm.error) && confirm.error.code === 'RESET_TOKEN_INVALID';

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-describedby={confirm.isError ? 'reset-error' : undefined}>
      {confirm.isError ? (
        <Alert id="reset-error" tone="error" title={t('resetPassword.failed')}>
          {errorMessage(t, confirm.error)}
          <ProblemList lines={unmatched} />
          {linkInvalid ? (
            <p>
              <Link to="/password-dimenticata">{t('resetPassword.askAgain')}</Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <NewPasswordFields newPassword={register('newPassword')} confirmPassword={register('confirmPassword')} errors={errors} />
      <button type="submit" className="button button--primary button--block" disabled={confirm.isPending}>
        {confirm.isPending ? t('common.saving') : t('resetPassword.submit')}
      </button>
    </form>
  );
}
