import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../../components/alert';
import { TextField } from '../../../components/form-field';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { fieldErrorText } from '../../../lib/forms/form-errors';
import { useRequestPasswordReset } from '../api/password-reset';

const schema = z.object({
  email: z.email({ error: (issue) => (issue.input === '' ? 'validation.required' : 'validation.email') }),
});
type ForgotPasswordValues = z.infer<typeof schema>;

/** The e-mail to send a reset link to; `onSent` runs on the server's answer, which is the same for every address. */
export function ForgotPasswordForm({ onSent }: { onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const request = useRequestPasswordReset();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ForgotPasswordValues>({ resolver: zodResolver(schema), defaultValues: { email: '' } });

  const onSubmit = handleSubmit(({ email }) => {
    const language = i18n.language.startsWith('en') ? 'en' : 'it';
    request.mutate({ email, language }, { onSuccess: onSent });
  });
  const throttled = isApiRequestError(request.error) && request.error.status === 429;

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-describedby={request.isError ? 'forgot-error' : undefined}>
      {request.isError ? (
        <Alert id="forgot-error" tone="error" title={t('forgotPassword.failed')}>
          {throttled ? t('forgotPassword.throttled') : errorMessage(t, request.error)}
        </Alert>
      ) : null}
      <TextField
        label={t('login.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        error={fieldErrorText(t, errors.email)}
        {...register('email')}
      />
      <button type="submit" className="button button--primary button--block" disabled={request.isPending}>
        {request.isPending ? t('forgotPassword.submitting') : t('forgotPassword.submit')}
      </button>
    </form>
  );
}
