import { ACTIVITY_TYPES, PARTICIPANT_GROUPS, THEMES, type ActivityType, type ParticipantGroup, type Theme } from '@trama/contracts';
import type { ActivityDto, CreateActivityRequest, Participants, UpdateActivityRequest } from '../api/types';
import { z } from 'zod';

/** Limits of the API (CreateActivityDto); checked here too so that the user hears about them before sending. */
export const ACTIVITY_LIMITS = {
  title: 200,
  description: 10_000,
  outcomes: 5_000,
  followUps: 5_000,
  internalNotes: 5_000,
  maxDuration: 10_080,
} as const;
/** Plausible coordinates: Italy (the API's LocationDto). */
export const LOCATION_BOUNDS = { minLat: 35, maxLat: 47.5, minLon: 6, maxLon: 19 } as const;
export const DURATION_PICKS = [30, 60, 90, 120] as const;

const WHOLE = /^\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A number typed on a phone: an Italian keyboard gives "41,12". Returns NaN when it is not one. */
export function parseDecimal(text: string): number {
  const normalised = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const count = z
  .string()
  .trim()
  .refine((v) => v === '' || WHOLE.test(v), { error: 'validation.wholeNumber' });
const text = (max: number) => z.string().max(max, { error: 'validation.tooLong' });

/** `full`: what submission needs (a draft may leave type, title, duration and the participants blank). */
function participantsSchema(full: boolean) {
  return z.object({
    total: z
      .string()
      .trim()
      .refine((v) => !full || v.length > 0, { error: 'validation.required' })
      .refine((v) => v === '' || WHOLE.test(v), { error: 'validation.wholeNumber' }),
    ...(Object.fromEntries(PARTICIPANT_GROUPS.map((g) => [g, count])) as Record<ParticipantGroup, typeof count>),
  });
}

export type ParticipantsValues = z.input<ReturnType<typeof participantsSchema>>;

/** The sum of the groups that are filled in (blank or malformed ones count as 0). */
export function groupsSum(values: ParticipantsValues): number {
  return PARTICIPANT_GROUPS.reduce((sum, group) => sum + (WHOLE.test(values[group].trim()) ? Number(values[group]) : 0), 0);
}

/** The groups together may not exceed the total (each person is counted in one group at most). */
export function groupsExceedTotal(values: ParticipantsValues): boolean {
  const total = values.total.trim();
  return WHOLE.test(total) && groupsSum(values) > Number(total);
}

/**
 * The form's rules. `full` (submission): every field marked * is needed. A draft (`full: false`)
 * needs only municipality and date; what is typed must still be well-formed.
 */
const makeSchema = (full: boolean) =>
  z
    .object({
      type: z
        .string()
        .refine((v) => (!full && v === '') || (ACTIVITY_TYPES as readonly string[]).includes(v), { error: 'validation.required' }),
      title: z
        .string()
        .trim()
        .refine((v) => !full || v.length > 0, { error: 'validation.required' })
        .refine((v) => v.length <= ACTIVITY_LIMITS.title, { error: 'validation.tooLong' }),
      date: z.string().min(1, { error: 'validation.required' }).refine(isRealDate, { error: 'validation.date' }),
      municipality: z.string().min(1, { error: 'validation.required' }),
      durationMinutes: z
        .string()
        .trim()
        .refine((v) => !full || v.length > 0, { error: 'validation.required' })
        .refine((v) => v === '' || (WHOLE.test(v) && Number(v) >= 1 && Number(v) <= ACTIVITY_LIMITS.maxDuration), {
          error: 'validation.duration',
        }),
      participants: participantsSchema(full),
      description: text(ACTIVITY_LIMITS.description),
      themes: z.array(z.enum(THEMES)),
      organizations: z.array(z.object({ id: z.string(), name: z.string() })),
      initiative: z.object({ id: z.string(), title: z.string() }).nullable(),
      location: z.object({ lat: z.string(), lon: z.string() }),
      outcomes: text(ACTIVITY_LIMITS.outcomes),
      followUps: text(ACTIVITY_LIMITS.followUps),
      internalNotes: text(ACTIVITY_LIMITS.internalNotes),
    })
    .superRefine((values, ctx) => {
      // groups without a total would be lost: the total comes with them, even in a draft
      if (values.participants.total.trim() === '' && PARTICIPANT_GROUPS.some((g) => values.participants[g].trim() !== '')) {
        ctx.addIssue({ code: 'custom', path: ['participants', 'total'], message: 'validation.required' });
      }
      if (groupsExceedTotal(values.participants)) {
        ctx.addIssue({ code: 'custom', path: ['participants', 'total'], message: 'validation.groupsExceedTotal' });
      }
      const { lat, lon } = values.location;
      if (lat.trim() || lon.trim()) {
        const la = parseDecimal(lat);
        const lo = parseDecimal(lon);
        if (!(la >= LOCATION_BOUNDS.minLat && la <= LOCATION_BOUNDS.maxLat)) {
          ctx.addIssue({ code: 'custom', path: ['location', 'lat'], message: lat.trim() ? 'validation.latitude' : 'validation.required' });
        }
        if (!(lo >= LOCATION_BOUNDS.minLon && lo <= LOCATION_BOUNDS.maxLon)) {
          ctx.addIssue({ code: 'custom', path: ['location', 'lon'], message: lon.trim() ? 'validation.longitude' : 'validation.required' });
        }
      }
    });

/** Submission: the full set. */
export const activitySchema = makeSchema(true);
/** Saving a draft: only municipality and date, the rest well-formed when typed. */
export const draftSchema = makeSchema(false);

export type ActivityFormValues = z.input<typeof activitySchema>;

/** Fields of the form that the server's 400 `details` may name (nested names match by prefix). */
export const ACTIVITY_FIELDS = [
  'type',
  'title',
  'date',
  'municipality',
  'durationMinutes',
  'participants.total',
  ...PARTICIPANT_GROUPS.map((g) => `participants.${g}` as const),
  'description',
  'themes',
  'organizations',
  'initiative',
  'location.lat',
  'location.lon',
  'outcomes',
  'followUps',
  'internalNotes',
] as const;

/** Server field names the form shows under another name: the groups' sum is reported on `participants`. */
export const ACTIVITY_FIELD_ALIASES = { participants: 'participants.total', location: 'location.lat' } as const;

export function emptyActivity(defaults: { date: string; municipality: string }): ActivityFormValues {
  return {
    type: '',
    title: '',
    date: defaults.date,
    municipality: defaults.municipality,
    durationMinutes: '',
    participants: { total: '', citizens: '', youth: '', families: '', ets: '', businesses: '', publicStaff: '' },
    description: '',
    themes: [],
    organizations: [],
    initiative: null,
    location: { lat: '', lon: '' },
    outcomes: '',
    followUps: '',
    internalNotes: '',
  };
}

export function activityValuesOf(activity: ActivityDto): ActivityFormValues {
  const p = activity.participants;
  const group = (g: ParticipantGroup) => (p && typeof p[g] === 'number' ? String(p[g]) : '');
  return {
    type: activity.type ?? '',
    title: activity.title ?? '',
    date: activity.date.slice(0, 10),
    municipality: activity.municipality.istatCode,
    durationMinutes: activity.durationMinutes === null ? '' : String(activity.durationMinutes),
    participants: {
      total: p ? String(p.total) : '',
      citizens: group('citizens'),
      youth: group('youth'),
      families: group('families'),
      ets: group('ets'),
      businesses: group('businesses'),
      publicStaff: group('publicStaff'),
    },
    description: activity.description ?? '',
    themes: [...activity.themes],
    organizations: activity.organizations.map((o) => ({ id: o.id, name: o.name })),
    initiative: activity.initiative ? { id: activity.initiative.id, title: activity.initiative.title } : null,
    location: activity.location ? { lat: String(activity.location.lat), lon: String(activity.location.lon) } : { lat: '', lon: '' },
    outcomes: activity.outcomes ?? '',
    followUps: activity.followUps ?? '',
    internalNotes: activity.internalNotes ?? '',
  };
}

function participantsOf(values: ParticipantsValues): Participants {
  // a draft without a total has no participants yet (groups alone are refused by the API)
  if (values.total.trim() === '') return null;
  const result: NonNullable<Participants> = { total: Number(values.total) };
  for (const group of PARTICIPANT_GROUPS) {
    const value = values[group].trim();
    if (value !== '') result[group] = Number(value);
  }
  return result;
}

const orNull = (value: string) => value.trim() || null;

/** The request body for the values (validated by the schema). Fields left blank are sent as null (a draft may lack any). */
export function activityFields(values: ActivityFormValues): Omit<CreateActivityRequest, 'clientId'> {
  const { lat, lon } = values.location;
  const duration = values.durationMinutes.trim();
  return {
    type: values.type ? (values.type as ActivityType) : null,
    title: orNull(values.title),
    date: values.date,
    municipality: values.municipality,
    durationMinutes: duration ? Number(duration) : null,
    participants: participantsOf(values.participants),
    description: orNull(values.description),
    themes: [...values.themes] as Theme[],
    organizations: values.organizations.map((o) => o.id),
    initiative: values.initiative?.id ?? null,
    location: lat.trim() && lon.trim() ? { lat: parseDecimal(lat), lon: parseDecimal(lon) } : null,
    outcomes: orNull(values.outcomes),
    followUps: orNull(values.followUps),
    internalNotes: orNull(values.internalNotes),
  };
}

export function toCreateActivityRequest(values: ActivityFormValues, clientId: string): CreateActivityRequest {
  return { clientId, ...activityFields(values) };
}

export function toUpdateActivityRequest(values: ActivityFormValues, version: number): UpdateActivityRequest {
  return { version, ...activityFields(values) };
}
