import type { SessionUser } from '../../../lib/api/types';
import type { TFunction } from 'i18next';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { TextField } from '../../../components/form-field';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { fieldErrorText } from '../../../lib/forms/form-errors';
import { useLogin } from '../api/login';

/**
 * The login page is the first thing a phone downloads: its two rules are react-hook-form's own, so
 * that it does not load zod (about 13 KB compressed) before anyone has signed in. The pattern is zod's
 * `z.email()` one, which the other forms use.
 */
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
const loginRules = {
  email: { validate: (value: string) => (value === '' ? 'validation.required' : EMAIL.test(value) || 'validation.email') },
  password: { validate: (value: string) => value.length > 0 || 'validation.required' },
};
interface LoginValues {
  email: string;
  password: string;
}

/** The sign-in failures a person can act on get their own sentence; the rest the generic one. */
export function loginErrorMessage(t: TFunction, error: unknown): string {
  if (isApiRequestError(error)) {
    if (error.code === 'ACCOUNT_LOCKED' || error.status === 423) return t('login.errors.locked');
    if (error.code === 'RATE_LIMITED' || error.status === 429) return t('login.errors.rateLimited');
    if (error.code === 'TEMPORARY_PASSWORD_EXPIRED') return t('login.errors.temporaryExpired');
    if (error.code === 'INVALID_CREDENTIALS' || error.status === 401) return t('login.errors.invalidCredentials');
  }
  return errorMessage(t, error);
}

export function LoginForm({ onSuccess }: { onSuccess: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginValues>({ defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit((values) => {
    login.mutate(values, { onSuccess: (response) => onSuccess(response.user) });
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-describedby={login.isError ? 'login-error' : undefined}>
      {login.isError ? (
        <Alert id="login-error" tone="error" title={t('login.errors.title')}>
          {loginErrorMessage(t, login.error)}
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
        {...register('email', loginRules.email)}
      />
      <TextField
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrorText(t, errors.password)}
        {...register('password', loginRules.password)}
      />
      <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </button>
      <p className="form__aside">
        <Link to="/password-dimenticata">{t('login.forgotPassword')}</Link>
      </p>
    </form>
  );
}
