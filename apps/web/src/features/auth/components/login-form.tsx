import type { SessionUser } from '../../../lib/api/types';
import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { TextField } from '../../../components/form-field';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { fieldErrorText } from '../../../lib/forms/form-errors';
import { useLogin } from '../api/login';

/**
 * The login page is the first thing a phone downloads (its JavaScript has a budget,
 * apps/web-e2e/src/page-weight.e2e.ts): its two fields are plain state, so that it loads neither zod
 * (about 13 KB compressed) nor react-hook-form (about 10 KB) before anyone has signed in. It
 * behaves as the other forms do: rules checked on submit, the first wrong field focused, each
 * field re-checked as it changes after a failed submit. The pattern is zod's `z.email()` one,
 * which the other forms use.
 */
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
interface LoginValues {
  email: string;
  password: string;
}
type LoginErrors = Partial<Record<keyof LoginValues, { type: 'validate'; message: string }>>;

function check(values: LoginValues): LoginErrors {
  const errors: LoginErrors = {};
  if (values.email === '') errors.email = { type: 'validate', message: 'validation.required' };
  else if (!EMAIL.test(values.email)) errors.email = { type: 'validate', message: 'validation.email' };
  if (values.password.length === 0) errors.password = { type: 'validate', message: 'validation.required' };
  return errors;
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
  const [values, setValues] = useState<LoginValues>({ email: '', password: '' });
  const [errors, setErrors] = useState<LoginErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const change = (field: keyof LoginValues) => (event: { target: { value: string } }) => {
    const next = { ...values, [field]: event.target.value };
    setValues(next);
    if (submitted) setErrors(check(next));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const problems = check(values);
    setErrors(problems);
    if (problems.email) emailRef.current?.focus();
    else if (problems.password) passwordRef.current?.focus();
    else login.mutate(values, { onSuccess: (response) => onSuccess(response.user) });
  };

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
        name="email"
        value={values.email}
        onChange={change('email')}
        ref={emailRef}
      />
      <TextField
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrorText(t, errors.password)}
        name="password"
        value={values.password}
        onChange={change('password')}
        ref={passwordRef}
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
