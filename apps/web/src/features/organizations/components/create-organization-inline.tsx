import { zodResolver } from '@hookform/resolvers/zod';
import { ORGANIZATION_KINDS } from '@trama/contracts';
import type { MunicipalityRef } from '../../../lib/api/types';
import type { OrganizationDto } from '../api/types';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { ProblemList } from '../../../components/problem-list';
import { SelectField, TextField } from '../../../components/form-field';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { useFormatters } from '../../../lib/i18n/format';
import { useCreateOrganization } from '../api/create-organization';
import '../organizations.css';
import {
  ORGANIZATION_FIELDS,
  organizationSchema,
  toCreateOrganizationRequest,
  type OrganizationFormValues,
} from './organization-form-schema';

interface CreateOrganizationInlineProps {
  name: string;
  municipality: string;
  municipalities: MunicipalityRef[];
  onCreated: (organization: OrganizationDto) => void;
  onCancel: () => void;
}

/**
 * Registers a new organization without leaving the form it is used in. It sits inside another
 * <form>, so it is not a form itself: its button and the Enter key save it, never the outer form.
 */
export function CreateOrganizationInline({ name, municipality, municipalities, onCreated, onCancel }: CreateOrganizationInlineProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const create = useCreateOrganization();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<OrganizationFormValues>({
    resolver: zodResolver(organizationSchema),
    defaultValues: {
      name,
      kind: '',
      municipality: municipalities.some((m) => m.istatCode === municipality) ? municipality : '',
      taxCode: '',
    },
  });
  const kinds = useMemo(
    () => [...ORGANIZATION_KINDS].sort((a, b) => format.compare(t(`vocab.organizationKind.${a}`), t(`vocab.organizationKind.${b}`))),
    [format, t],
  );

  useEffect(() => {
    setFocus(name ? 'kind' : 'name');
  }, [setFocus, name]);

  const [similar, setSimilar] = useState<{ id: string; name: string; municipality: { name: string } }[]>([]);
  const send = (values: OrganizationFormValues, acknowledgeDuplicates: boolean) => {
    setUnmatched([]);
    setSimilar([]);
    create.mutate(
      { ...toCreateOrganizationRequest(values), ...(acknowledgeDuplicates ? { acknowledgeDuplicates: true } : {}) },
      {
        onSuccess: onCreated,
        onError: (error) => {
          if (isApiRequestError(error) && error.code === 'ORGANIZATION_POSSIBLE_DUPLICATE') {
            // similar names nearby: listed, with "save anyway" (the picker's search finds them too)
            setSimilar((error.data?.candidates as typeof similar | undefined) ?? []);
            return;
          }
          if (isApiRequestError(error) && error.code === 'ORGANIZATION_TAX_CODE_TAKEN') {
            setError('taxCode', { type: 'server', message: 'validation.taxCodeTaken' }, { shouldFocus: true });
            return;
          }
          setUnmatched(applyServerFieldErrors(error, setError, ORGANIZATION_FIELDS));
        },
      },
    );
  };
  const save = handleSubmit((values) => send(values, false));
  const saveAnyway = handleSubmit((values) => send(values, true));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  const fieldProblem =
    isApiRequestError(create.error) && (create.error.details.length > 0 || create.error.code === 'ORGANIZATION_TAX_CODE_TAKEN');

  return (
    <div className="org-create" role="group" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('organizations.create.title')}</h2>
      {similar.length > 0 ? (
        <div className="duplicates stack-tight" role="alert">
          <p>
            <strong>{t('organizations.duplicates.title')}</strong> {t('organizations.duplicates.lead')}
          </p>
          <ul>
            {similar.map((c) => (
              <li key={c.id}>
                {c.name} — {c.municipality.name}
              </li>
            ))}
          </ul>
          <button type="button" className="button button--secondary" disabled={create.isPending} onClick={() => void saveAnyway()}>
            {t('organizations.duplicates.saveAnyway')}
          </button>
        </div>
      ) : create.isError ? (
        <Alert tone="error" title={t('organizations.create.failed')}>
          <p>{fieldProblem ? t('organizations.create.fixFields') : errorMessage(t, create.error)}</p>
          <ProblemList lines={unmatched} />
        </Alert>
      ) : null}
      <TextField
        label={t('organizations.create.name')}
        required
        autoComplete="off"
        onKeyDown={onKeyDown}
        error={fieldErrorText(t, errors.name)}
        {...register('name')}
      />
      <SelectField
        label={t('organizations.create.kind')}
        required
        onKeyDown={onKeyDown}
        error={fieldErrorText(t, errors.kind)}
        {...register('kind')}
      >
        <option value="">{t('common.choose')}</option>
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`vocab.organizationKind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('organizations.create.municipality')}
        required
        onKeyDown={onKeyDown}
        error={fieldErrorText(t, errors.municipality)}
        {...register('municipality')}
      >
        <option value="">{t('common.choose')}</option>
        {municipalities.map((m) => (
          <option key={m.istatCode} value={m.istatCode}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('organizations.create.taxCode')}
        hint={t('organizations.create.taxCodeHint')}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        onKeyDown={onKeyDown}
        error={fieldErrorText(t, errors.taxCode)}
        {...register('taxCode')}
      />
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={create.isPending} onClick={() => void save()}>
          {create.isPending ? t('common.saving') : t('organizations.create.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
