import { ORGANIZATION_KINDS, type OrganizationKind } from '@trama/contracts';
import type { CreateOrganizationRequest } from '../api/types';
import { z } from 'zod';

/** A codice fiscale: 11 digits (bodies, partita IVA) or 16 letters and digits (people). The server checks the check character. */
const TAX_CODE = /^(\d{11}|[A-Z0-9]{16})$/;

export function normalizeTaxCode(value: string): string {
  return value
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^IT(?=\d{11}$)/, '');
}

export const organizationSchema = z.object({
  name: z.string().trim().min(1, { error: 'validation.required' }).max(300, { error: 'validation.tooLong' }),
  kind: z.string().refine((v) => (ORGANIZATION_KINDS as readonly string[]).includes(v), { error: 'validation.required' }),
  municipality: z.string().min(1, { error: 'validation.required' }),
  taxCode: z.string().refine((v) => v.trim() === '' || TAX_CODE.test(normalizeTaxCode(v)), { error: 'validation.taxCode' }),
});

export type OrganizationFormValues = z.input<typeof organizationSchema>;

export const ORGANIZATION_FIELDS = ['name', 'kind', 'municipality', 'taxCode'] as const;

export function toCreateOrganizationRequest(values: OrganizationFormValues): CreateOrganizationRequest {
  const taxCode = normalizeTaxCode(values.taxCode);
  return {
    name: values.name.trim(),
    kind: values.kind as OrganizationKind,
    municipality: values.municipality,
    ...(taxCode ? { taxCode } : {}),
  };
}
