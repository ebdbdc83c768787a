import {
  COMPUTED_INDICATORS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_CODE_PATTERN,
  INDICATOR_DECIMALS_MAX,
  INDICATOR_DESCRIPTION_MAX,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_NAME_MAX,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  INDICATOR_VALUE_MAX,
  INDICATOR_YEAR_MAX,
  INDICATOR_YEAR_MIN,
  TERRITORY_PARAM_PATTERN,
} from '@trama/contracts';
import { z } from 'zod';
import type { CreateIndicatorRequest, IndicatorDefinitionDto, TargetInput, UpdateIndicatorRequest } from '../api/types';

/** A number typed on a phone: an Italian keyboard gives "1500,50". NaN when it is not one. */
export function parseDecimal(text: string): number {
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

const required = (max: number) =>
  z
    .string()
    .refine((v) => v.trim().length > 0, { error: 'validation.required' })
    .refine((v) => v.trim().length <= max, { error: 'validation.tooLong' });
const optionalText = (max: number) => z.string().refine((v) => v.trim().length <= max, { error: 'validation.tooLong' });
const decimal = (v: string) => Math.abs(parseDecimal(v)) <= INDICATOR_VALUE_MAX;
const year = (v: string) => /^\d{4}$/.test(v.trim()) && Number(v) >= INDICATOR_YEAR_MIN && Number(v) <= INDICATOR_YEAR_MAX;

export const indicatorSchema = z
  .object({
    code: z.string().refine((v) => INDICATOR_CODE_PATTERN.test(v.trim()), { error: 'validation.server.INVALID' }),
    nameIt: required(INDICATOR_NAME_MAX),
    nameEn: required(INDICATOR_NAME_MAX),
    descriptionIt: optionalText(INDICATOR_DESCRIPTION_MAX),
    descriptionEn: optionalText(INDICATOR_DESCRIPTION_MAX),
    unit: z.enum(INDICATOR_UNITS),
    kind: z.enum(INDICATOR_KINDS),
    timeAggregation: z.enum(INDICATOR_AGGREGATIONS),
    territoryAggregation: z.enum(INDICATOR_AGGREGATIONS),
    direction: z.enum(INDICATOR_DIRECTIONS),
    perCapita: z.boolean(),
    decimals: z.string().refine((v) => /^\d$/.test(v) && Number(v) <= INDICATOR_DECIMALS_MAX, { error: 'validation.server.INVALID' }),
    baselineValue: z.string().refine((v) => v.trim() === '' || decimal(v), { error: 'validation.server.INVALID' }),
    baselineYear: z.string().refine((v) => v.trim() === '' || year(v), { error: 'validation.server.INVALID' }),
    source: z.enum(INDICATOR_SOURCES),
    computation: z.union([z.enum(COMPUTED_INDICATORS), z.literal('')]),
    active: z.boolean(),
    targets: z.array(
      z.object({
        year: z.string().refine(year, { error: 'validation.server.INVALID' }),
        territory: z.string().refine((v) => TERRITORY_PARAM_PATTERN.test(v), { error: 'validation.required' }),
        value: z.string().refine(decimal, { error: 'validation.server.INVALID' }),
      }),
    ),
  })
  .superRefine((v, ctx) => {
    if ((v.baselineValue.trim() === '') !== (v.baselineYear.trim() === '')) {
      ctx.addIssue({
        code: 'custom',
        path: [v.baselineValue.trim() === '' ? 'baselineValue' : 'baselineYear'],
        message: 'validation.required',
      });
    }
    if (v.source === 'computed' && !v.computation) ctx.addIssue({ code: 'custom', path: ['computation'], message: 'validation.required' });
  });

export type IndicatorFormValues = z.infer<typeof indicatorSchema>;

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v).replace('.', ','));

export function indicatorFormDefaults(d?: IndicatorDefinitionDto): IndicatorFormValues {
  return {
    code: d?.code ?? '',
    nameIt: d?.nameIt ?? '',
    nameEn: d?.nameEn ?? '',
    descriptionIt: d?.descriptionIt ?? '',
    descriptionEn: d?.descriptionEn ?? '',
    unit: d?.unit ?? 'count',
    kind: d?.kind ?? 'output',
    timeAggregation: d?.timeAggregation ?? 'sum',
    territoryAggregation: d?.territoryAggregation ?? 'sum',
    direction: d?.direction ?? 'higher',
    perCapita: d?.perCapita ?? false,
    decimals: String(d?.decimals ?? 0),
    baselineValue: text(d?.baselineValue),
    baselineYear: d?.baselineYear ? String(d.baselineYear) : '',
    source: d?.source ?? 'manual',
    computation: d?.computation ?? '',
    active: d?.active ?? true,
    targets: (d?.targets ?? []).map((t) => ({ year: String(t.year), territory: t.territory.code, value: text(t.value) })),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The definition's fields as the API takes them (a new one: with code and source; an edit: without, with the version). */
export function toDefinitionRequest(v: IndicatorFormValues): Omit<CreateIndicatorRequest, 'code' | 'source'> {
  return {
    nameIt: v.nameIt.trim(),
    nameEn: v.nameEn.trim(),
    descriptionIt: orNull(v.descriptionIt),
    descriptionEn: orNull(v.descriptionEn),
    unit: v.unit,
    kind: v.kind,
    timeAggregation: v.timeAggregation,
    territoryAggregation: v.territoryAggregation,
    direction: v.direction,
    perCapita: v.perCapita,
    decimals: Number(v.decimals),
    baselineValue: v.baselineValue.trim() === '' ? null : parseDecimal(v.baselineValue),
    baselineYear: v.baselineYear.trim() === '' ? null : Number(v.baselineYear),
    computation: v.source === 'computed' && v.computation ? v.computation : null,
    active: v.active,
  };
}

export function toCreateRequest(v: IndicatorFormValues): CreateIndicatorRequest {
  return { code: v.code.trim(), source: v.source, ...toDefinitionRequest(v) };
}

export function toUpdateRequest(v: IndicatorFormValues, version: number): UpdateIndicatorRequest {
  return { ...toDefinitionRequest(v), version };
}

export function toTargets(v: IndicatorFormValues): TargetInput[] {
  return v.targets.map((t) => ({ year: Number(t.year), territory: t.territory, value: parseDecimal(t.value) }));
}
