import { CUP_PATTERN, PROJECT_CODE_PATTERN, PROJECT_PROGRAMMES, PROJECT_STATUSES, PROJECT_TEXT_LIMITS } from '@trama/contracts';
import { z } from 'zod';
import type { CreateProjectRequest, ProjectDto, UpdateProjectRequest } from '../api/types';

/** A number typed on a phone: "1.500,50" or "1500,50" or "1500.50". NaN when it is not one. */
export function parseAmount(text: string): number {
  let v = text.trim().replace(/[\s€]/g, '');
  if (v.includes(',')) v = v.replace(/\./g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(v) ? Number(v) : Number.NaN;
}

const text = (max: number) => z.string().refine((v) => v.trim().length <= max, { error: 'validation.tooLong' });
const amount = z.string().refine((v) => v.trim() === '' || parseAmount(v) >= 0, { error: 'validation.server.INVALID' });
const orNull = (value: string) => value.trim() || null;
const euros = (value: string) => (value.trim() === '' ? null : parseAmount(value));

export const projectSchema = z
  .object({
    code: z
      .string()
      .refine((v) => v.trim().length > 0, { error: 'validation.required' })
      .refine((v) => v.trim() === '' || PROJECT_CODE_PATTERN.test(v.trim()), { error: 'validation.server.INVALID_FORMAT' }),
    title: z
      .string()
      .refine((v) => v.trim().length > 0, { error: 'validation.required' })
      .refine((v) => v.trim().length <= PROJECT_TEXT_LIMITS.title, { error: 'validation.tooLong' }),
    programme: z.enum(PROJECT_PROGRAMMES),
    action: text(PROJECT_TEXT_LIMITS.action),
    status: z.enum(PROJECT_STATUSES),
    cup: z
      .string()
      .refine((v) => v.trim() === '' || CUP_PATTERN.test(v.trim().toUpperCase()), { error: 'validation.server.INVALID_FORMAT' }),
    rup: text(PROJECT_TEXT_LIMITS.rup),
    implementingBody: text(PROJECT_TEXT_LIMITS.implementingBody),
    startDate: z.string(),
    endDate: z.string(),
    expectedInvestment: amount,
    description: text(PROJECT_TEXT_LIMITS.description),
    municipalities: z.array(z.string()),
    beneficiaries: z.array(z.object({ id: z.string(), name: z.string(), amount })),
    initiatives: z.array(z.object({ id: z.string(), title: z.string() })),
    buildings: z.array(z.object({ id: z.string(), name: z.string() })),
    documents: z.array(
      z.object({
        title: z.string().refine((v) => v.trim().length > 0, { error: 'validation.required' }),
        url: z.string().refine((v) => /^https:\/\/\S+$/.test(v.trim()), { error: 'validation.server.INVALID_FORMAT' }),
      }),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && v.endDate < v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'errors.PROJECT_DATES_ORDER' });
    }
    if (v.status !== 'idea' && v.cup.trim() === '') ctx.addIssue({ code: 'custom', path: ['cup'], message: 'errors.PROJECT_CUP_REQUIRED' });
  });

export type ProjectFormValues = z.input<typeof projectSchema>;

/** Fields of the form that a server 400's `details` may name. */
export const PROJECT_FIELDS = [
  'code',
  'title',
  'programme',
  'action',
  'status',
  'cup',
  'rup',
  'implementingBody',
  'startDate',
  'endDate',
  'expectedInvestment',
  'description',
  'municipalities',
  'beneficiaries',
  'initiatives',
  'buildings',
  'documents',
] as const;

export function emptyProject(): ProjectFormValues {
  return {
    code: '',
    title: '',
    programme: 'pon_metro',
    action: '',
    status: 'idea',
    cup: '',
    rup: '',
    implementingBody: '',
    startDate: '',
    endDate: '',
    expectedInvestment: '',
    description: '',
    municipalities: [],
    beneficiaries: [],
    initiatives: [],
    buildings: [],
    documents: [],
  };
}

const decimal = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function projectValuesOf(p: ProjectDto): ProjectFormValues {
  return {
    code: p.code,
    title: p.title,
    programme: p.programme,
    action: p.action ?? '',
    status: p.status,
    cup: p.cup ?? '',
    rup: p.rup ?? '',
    implementingBody: p.implementingBody ?? '',
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    expectedInvestment: decimal(p.expectedInvestment),
    description: p.description ?? '',
    municipalities: p.municipalities.map((m) => m.istatCode),
    beneficiaries: (p.beneficiaries ?? []).map((b) => ({ id: b.organization.id, name: b.organization.name, amount: decimal(b.amount) })),
    initiatives: (p.initiatives ?? []).map((i) => ({ id: i.id, title: i.name })),
    buildings: (p.buildings ?? []).map((b) => ({ id: b.id, name: b.name })),
    documents: p.documents.map((d) => ({ title: d.title, url: d.url })),
  };
}

/** The request body's fields (validated values); blanks are sent as null. */
export function projectFields(v: ProjectFormValues): Omit<CreateProjectRequest, 'clientId'> {
  return {
    code: v.code.trim(),
    title: v.title.trim(),
    programme: v.programme,
    action: orNull(v.action),
    status: v.status,
    cup: orNull(v.cup)?.toUpperCase() ?? null,
    rup: orNull(v.rup),
    implementingBody: orNull(v.implementingBody),
    startDate: v.startDate || null,
    endDate: v.endDate || null,
    expectedInvestment: euros(v.expectedInvestment),
    description: orNull(v.description),
    municipalities: v.municipalities,
    beneficiaries: v.beneficiaries.map((b) => ({ organization: b.id, amount: euros(b.amount) })),
    initiatives: v.initiatives.map((i) => i.id),
    buildings: v.buildings.map((b) => b.id),
    documents: v.documents.map((d) => ({ title: d.title.trim(), url: d.url.trim() })),
  };
}

export const toCreateRequest = (v: ProjectFormValues, clientId: string): CreateProjectRequest => ({ clientId, ...projectFields(v) });
export const toUpdateRequest = (v: ProjectFormValues, version: number): UpdateProjectRequest => ({ version, ...projectFields(v) });
