import { MIN_PASSWORD_LENGTH } from '@trama/contracts';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TextField } from '../../../components/form-field';
import { fieldErrorText } from '../../../lib/forms/form-errors';

/** The new password and its confirmation, as schema fields (a form adds them to its own). */
export const newPasswordShape = {
  newPassword: z.string().min(MIN_PASSWORD_LENGTH, { error: 'validation.passwordTooShort' }),
  confirmPassword: z.string().min(1, { error: 'validation.required' }),
};

/** The refinement that the confirmation repeats the new password: `.refine(...confirmationMatches)`. */
export const confirmationMatches = [
  (values: { newPassword: string; confirmPassword: string }) => values.newPassword === values.confirmPassword,
  { path: ['confirmPassword'], error: 'validation.passwordsDiffer' },
] as [(values: { newPassword: string; confirmPassword: string }) => boolean, { path: string[]; error: string }];

interface NewPasswordFieldsProps {
  newPassword: UseFormRegisterReturn;
  confirmPassword: UseFormRegisterReturn;
  errors: { newPassword?: FieldError; confirmPassword?: FieldError };
}

/** "Nuova password" (with the minimum length) and "Conferma la nuova password". */
export function NewPasswordFields({ newPassword, confirmPassword, errors }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('password.new')}
        hint={t('password.newHint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
        error={fieldErrorText(t, errors.newPassword)}
        {...newPassword}
      />
      <TextField
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
        required
        error={fieldErrorText(t, errors.confirmPassword)}
        {...confirmPassword}
      />
    </>
  );
}
