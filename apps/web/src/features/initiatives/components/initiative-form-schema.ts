import {
  CUP_PATTERN,
  FUNDING_SOURCES,
  INITIATIVE_STATUSES,
  THEMES,
  type FundingSource,
  type InitiativeStatus,
  type Theme,
} from '@trama/contracts';
import { z } from 'zod';
import type { CreateInitiativeRequest, InitiativeDto, UpdateInitiativeRequest } from '../api/types';

/** The API's limits (CreateInitiativeDto), checked here too so that the user hears about them first. */
export const INITIATIVE_LIMITS = { title: 300, description: 10_000, beneficiariesDescription: 2_000, internalNotes: 5_000 } as const;

/** A number typed on a phone: an Italian keyboard gives "1500,50". NaN when it is not one. */
export function parseDecimal(text: string): number {
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

const text = (max: number) => z.string().refine((v) => v.trim().length <= max, { error: 'validation.tooLong' });
const orNull = (value: string) => value.trim() || null;

export const initiativeSchema = z
  .object({
    title: z
      .string()
      .refine((v) => v.trim().length > 0, { error: 'validation.required' })
      .refine((v) => v.trim().length <= INITIATIVE_LIMITS.title, { error: 'validation.tooLong' }),
    status: z.enum(INITIATIVE_STATUSES),
    municipality: z.string().min(1, { error: 'validation.required' }),
    municipalities: z.array(z.string()),
    description: text(INITIATIVE_LIMITS.description),
    leadOrganization: z.array(z.object({ id: z.string(), name: z.string() })),
    partnerOrganizations: z.array(z.object({ id: z.string(), name: z.string() })),
    themes: z.array(z.enum(THEMES)),
    startDate: z.string(),
    endDate: z.string(),
    fundingSource: z.union([z.enum(FUNDING_SOURCES), z.literal('')]),
    fundingAmount: z.string().refine((v) => v.trim() === '' || parseDecimal(v) >= 0, { error: 'validation.server.INVALID' }),
    cup: z.string().refine((v) => v.trim() === '' || CUP_PATTERN.test(v.trim().toUpperCase()), { error: 'validation.server.INVALID' }),
    beneficiariesCount: z.string().refine((v) => v.trim() === '' || /^\d+$/.test(v.trim()), { error: 'validation.server.INVALID' }),
    beneficiariesDescription: text(INITIATIVE_LIMITS.beneficiariesDescription),
    lat: z.string(),
    lon: z.string(),
    internalNotes: text(INITIATIVE_LIMITS.internalNotes),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && v.endDate < v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'errors.INITIATIVE_DATES_ORDER' });
    }
    if (v.lat.trim() || v.lon.trim()) {
      if (!(parseDecimal(v.lat) >= 35 && parseDecimal(v.lat) <= 47.5))
        ctx.addIssue({ code: 'custom', path: ['lat'], message: 'validation.latitude' });
      if (!(parseDecimal(v.lon) >= 6 && parseDecimal(v.lon) <= 19))
        ctx.addIssue({ code: 'custom', path: ['lon'], message: 'validation.longitude' });
    }
  });

export type InitiativeFormValues = z.input<typeof initiativeSchema>;

/** Fields of the form that a server 400's `details` may name. */
export const INITIATIVE_FIELDS = [
  'title',
  'status',
  'municipality',
  'municipalities',
  'description',
  'leadOrganization',
  'partnerOrganizations',
  'themes',
  'startDate',
  'endDate',
  'fundingSource',
  'fundingAmount',
  'cup',
  'beneficiariesCount',
  'beneficiariesDescription',
  'lat',
  'lon',
  'internalNotes',
] as const;

export const INITIATIVE_FIELD_ALIASES = { location: 'lat' } as const;

export function emptyInitiative(municipality: string): InitiativeFormValues {
  return {
    title: '',
    status: 'idea',
    municipality,
    municipalities: [],
    description: '',
    leadOrganization: [],
    partnerOrganizations: [],
    themes: [],
    startDate: '',
    endDate: '',
    fundingSource: '',
    fundingAmount: '',
    cup: '',
    beneficiariesCount: '',
    beneficiariesDescription: '',
    lat: '',
    lon: '',
    internalNotes: '',
  };
}

export function initiativeValuesOf(i: InitiativeDto): InitiativeFormValues {
  return {
    title: i.title,
    status: i.status,
    municipality: i.municipality.istatCode,
    municipalities: i.municipalities.map((m) => m.istatCode).filter((code) => code !== i.municipality.istatCode),
    description: i.description ?? '',
    leadOrganization: i.leadOrganization ? [i.leadOrganization] : [],
    partnerOrganizations: i.partnerOrganizations.map((o) => ({ id: o.id, name: o.name })),
    themes: [...i.themes],
    startDate: i.startDate ?? '',
    endDate: i.endDate ?? '',
    fundingSource: i.fundingSource ?? '',
    fundingAmount: i.fundingAmount === null ? '' : String(i.fundingAmount).replace('.', ','),
    cup: i.cup ?? '',
    beneficiariesCount: i.beneficiariesCount === null ? '' : String(i.beneficiariesCount),
    beneficiariesDescription: i.beneficiariesDescription ?? '',
    lat: i.location ? String(i.location.lat).replace('.', ',') : '',
    lon: i.location ? String(i.location.lon).replace('.', ',') : '',
    internalNotes: i.internalNotes ?? '',
  };
}

/** The request body's fields (validated values); blanks are sent as null. */
export function initiativeFields(v: InitiativeFormValues): Omit<CreateInitiativeRequest, 'clientId' | 'status'> {
  const amount = v.fundingAmount.trim();
  const count = v.beneficiariesCount.trim();
  return {
    title: v.title.trim(),
    municipality: v.municipality,
    municipalities: v.municipalities.filter((code) => code !== v.municipality),
    description: orNull(v.description),
    leadOrganization: v.leadOrganization[0]?.id ?? null,
    partnerOrganizations: v.partnerOrganizations.map((o) => o.id).filter((id) => id !== v.leadOrganization[0]?.id),
    themes: [...v.themes] as Theme[],
    startDate: v.startDate || null,
    endDate: v.endDate || null,
    fundingSource: (v.fundingSource || null) as FundingSource | null,
    fundingAmount: amount ? parseDecimal(amount) : null,
    cup: orNull(v.cup)?.toUpperCase() ?? null,
    beneficiariesCount: count ? Number(count) : null,
    beneficiariesDescription: orNull(v.beneficiariesDescription),
    location: v.lat.trim() && v.lon.trim() ? { lat: parseDecimal(v.lat), lon: parseDecimal(v.lon) } : null,
    internalNotes: orNull(v.internalNotes),
  };
}

export function toCreateRequest(v: InitiativeFormValues, clientId: string): CreateInitiativeRequest {
  return { clientId, status: v.status as InitiativeStatus, ...initiativeFields(v) };
}

export function toUpdateRequest(v: InitiativeFormValues, version: number): UpdateInitiativeRequest {
  return { version, ...initiativeFields(v) };
}
