import { zodResolver } from '@hookform/resolvers/zod';
import { ROLES, type Role } from '@trama/contracts';
import type { CreateUserResponse } from '../api/types';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { ProblemList } from '../../../components/problem-list';
import { SelectField, TextField } from '../../../components/form-field';
import { Loading } from '../../../components/loading';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { asMunicipalityOptions, useMunicipalities } from '../../../lib/reference/municipalities';
import { useCreateUser } from '../api/create-user';
import { MunicipalityPicker } from './municipality-picker';
import { TemporaryPassword } from './temporary-password';
import { TerritoryFieldset } from './territory-fieldset';
import { CREATE_USER_FIELDS, createUserSchema, emptyCreateUser, toCreateUserRequest, type CreateUserValues } from './user-form-schema';

/** Roles a user may create: coordinators work inside their tenant; only admins create admins. */
function creatableRoles(role: Role): readonly Role[] {
  return role === 'admin' ? ROLES : ROLES.filter((r) => r !== 'admin');
}

function Created({ response, onAnother }: { response: CreateUserResponse; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Alert tone="success" title={t('users.create.done', { name: response.user.fullName })}>
        {response.temporaryPassword ? <p>{t('users.create.doneWithPassword')}</p> : <p>{t('users.create.doneOwnPassword')}</p>}
      </Alert>
      {response.temporaryPassword ? <TemporaryPassword value={response.temporaryPassword} /> : null}
      <p className="form__actions">
        <Link className="button button--primary" to={`/utenti/${response.user.id}`}>
          {t('users.create.openUser')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('users.create.another')}
        </button>
      </p>
    </div>
  );
}

export function CreateUserForm() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const isAdmin = me.role === 'admin';
  const create = useCreateUser();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    setValue,
    formState: { errors },
  } = useForm<CreateUserValues>({ resolver: zodResolver(createUserSchema), defaultValues: emptyCreateUser });

  const role = useWatch({ control, name: 'role' });
  const territoryKind = useWatch({ control, name: 'territory.kind' });
  const municipalityOptions = useMunicipalities({ enabled: role === 'innovator', select: asMunicipalityOptions });

  const onSubmit = handleSubmit((values) => {
    setUnmatched([]);
    create.mutate(toCreateUserRequest(values, { isAdmin }), {
      onError: (error) => {
        if (isApiRequestError(error) && error.code === 'USER_EMAIL_TAKEN') {
          setError('email', { type: 'server', message: 'validation.emailTaken' }, { shouldFocus: true });
          return;
        }
        setUnmatched(applyServerFieldErrors(error, setError, CREATE_USER_FIELDS, { territory: 'territory.code' }));
      },
    });
  });

  if (create.isSuccess) {
    return (
      <Created
        response={create.data}
        onAnother={() => {
          create.reset();
          reset(emptyCreateUser);
        }}
      />
    );
  }

  const hasFieldErrors = isApiRequestError(create.error) && (create.error.details.length > 0 || create.error.code === 'USER_EMAIL_TAKEN');

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {create.isError ? (
        <Alert tone="error" title={t('users.create.failed')}>
          <p>{hasFieldErrors ? t('users.form.fixFields') : errorMessage(t, create.error)}</p>
          <ProblemList lines={unmatched} />
        </Alert>
      ) : null}

      <TextField
        label={t('users.form.fullName')}
        autoComplete="off"
        required
        error={fieldErrorText(t, errors.fullName)}
        {...register('fullName')}
      />
      <TextField
        label={t('users.form.email')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        required
        error={fieldErrorText(t, errors.email)}
        {...register('email')}
      />
      <SelectField label={t('users.form.role')} required error={fieldErrorText(t, errors.role)} {...register('role')}>
        {creatableRoles(me.role).map((value) => (
          <option key={value} value={value}>
            {t(`roles.${value}`)}
          </option>
        ))}
      </SelectField>
      <p className="field__hint">{t(`users.roleHelp.${role}`)}</p>

      {isAdmin ? (
        <TextField
          label={t('users.form.tenant')}
          hint={t('users.form.tenantHint')}
          inputMode="numeric"
          error={fieldErrorText(t, errors.tenant)}
          {...register('tenant')}
        />
      ) : null}

      {role === 'innovator' ? (
        <fieldset className="fieldset">
          <legend>{t('users.form.contract')}</legend>
          <div className="grid-2">
            <TextField label={t('users.form.hiredOn')} type="date" error={fieldErrorText(t, errors.hiredOn)} {...register('hiredOn')} />
            <TextField
              label={t('users.form.contractEnd')}
              type="date"
              error={fieldErrorText(t, errors.contractEnd)}
              {...register('contractEnd')}
            />
          </div>
          {municipalityOptions.isPending ? (
            <Loading />
          ) : municipalityOptions.isError ? (
            <Alert tone="error">{errorMessage(t, municipalityOptions.error)}</Alert>
          ) : (
            <Controller
              control={control}
              name="municipalities"
              render={({ field, fieldState }) => (
                <MunicipalityPicker
                  ref={field.ref}
                  legend={t('users.form.municipalities')}
                  options={municipalityOptions.data}
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldErrorText(t, fieldState.error)}
                />
              )}
            />
          )}
        </fieldset>
      ) : null}

      {role === 'municipality' ? (
        <TerritoryFieldset
          kind={territoryKind}
          kindField={register('territory.kind', { onChange: () => setValue('territory.code', '') })}
          codeField={register('territory.code')}
          kindError={fieldErrorText(t, errors.territory?.kind)}
          codeError={fieldErrorText(t, errors.territory?.code)}
        />
      ) : null}

      <TextField
        label={t('users.form.password')}
        hint={t('users.form.passwordHint')}
        type="password"
        autoComplete="new-password"
        error={fieldErrorText(t, errors.password)}
        {...register('password')}
      />

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('users.create.submit')}
        </button>
        <Link className="button button--secondary" to="/utenti">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
