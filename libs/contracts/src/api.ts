/** Shapes of the REST API under /api, shared by the server (response mapping) and the web client. */
import type { ActivityStatus, ActivityType, ExportFormat, OrganizationKind, ParticipantGroup, Role, Theme } from './vocabularies';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/** The last page a list serves: OFFSET stays below MAX_PAGE × MAX_PAGE_SIZE (2 million rows); filter to go further. */
export const MAX_PAGE = 10_000;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Every error the API returns has this shape. `code` is stable and machine-readable. */
export interface ApiError {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: { field: string; messages: string[] }[];
}

export interface TenantRef {
  id: string;
  istatCode: string;
  name: string;
}

export interface MunicipalityRef {
  istatCode: string;
  name: string;
}

export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  tenant: TenantRef | null;
  /** innovator: the municipalities assigned to them */
  assignedMunicipalities: MunicipalityRef[];
  /** municipality user: the territory they may see (one municipality, or a social area) */
  territory: { kind: 'municipality' | 'social_area'; code: string; name: string } | null;
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

export interface SocialAreaDto {
  code: string;
  name: string;
  municipalityCount: number;
  population: number;
  version: number;
}

export interface MunicipalityDto {
  istatCode: string;
  name: string;
  population: number;
  populationYear: number;
  areaKm2: number;
  lat: number;
  lon: number;
  socialArea: { code: string; name: string } | null;
  tenant: TenantRef;
  version: number;
}

export interface UserDto {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  lockedUntil: string | null;
  hiredOn: string | null;
  contractEnd: string | null;
  assignedMunicipalities: MunicipalityRef[];
  territory: SessionUser['territory'];
  /** the tenant the user belongs to; null for platform admins */
  tenant: TenantRef | null;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

export interface AuditEntryDto {
  id: string;
  at: string;
  actor: { id: string; fullName: string } | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export type Participants = { total: number } & Partial<Record<ParticipantGroup, number>>;

export interface ActivityDto {
  id: string;
  clientId: string;
  status: ActivityStatus;
  version: number;
  municipality: MunicipalityRef;
  socialArea: { code: string; name: string } | null;
  author: { id: string; fullName: string };
  date: string;
  durationMinutes: number;
  type: ActivityType;
  title: string;
  description: string | null;
  participants: Participants;
  themes: Theme[];
  organizations: { id: string; name: string }[];
  building: { id: string; name: string } | null;
  initiative: { id: string; title: string } | null;
  location: { lat: number; lon: number } | null;
  outcomes: string | null;
  followUps: string | null;
  /** internal notes: never shown to municipality users */
  internalNotes?: string | null;
  reviewComment: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewedBy: { id: string; fullName: string } | null;
  createdAt: string;
  updatedAt: string;
}

/* ---------- auth: POST /api/auth/login | refresh | logout, GET /api/auth/me, POST /api/auth/password ---------- */
export interface LoginRequest {
  email: string;
  password: string;
}
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}
/** Passwords: at least 10 characters (no other composition rule, per NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 10;

/* ---------- users (coordinators; admins across tenants) ---------- */
export type TerritoryRef = { kind: 'municipality' | 'social_area'; code: string };
export interface CreateUserRequest {
  email: string;
  fullName: string;
  role: Role;
  /** admin only: ISTAT code of the metropolitan city; coordinators always create in their own */
  tenant?: string;
  /** optional: when absent the server generates a temporary password and returns it once */
  password?: string;
  hiredOn?: string | null;
  contractEnd?: string | null;
  /** innovators: ISTAT codes of the assigned municipalities */
  municipalities?: string[];
  /** municipality users: their territory */
  territory?: TerritoryRef;
}
export interface CreateUserResponse {
  user: UserDto;
  temporaryPassword?: string;
}
export interface UpdateUserRequest {
  version: number;
  fullName?: string;
  active?: boolean;
  hiredOn?: string | null;
  contractEnd?: string | null;
  territory?: TerritoryRef;
}
export interface AssignMunicipalitiesRequest {
  version: number;
  municipalities: string[];
}
export interface ResetPasswordResponse {
  temporaryPassword: string;
}

/* ---------- territory ---------- */
export interface UpdateMunicipalityRequest {
  version: number;
  /** social area code */
  socialArea: string;
}
export interface MunicipalityFeatureProperties {
  istatCode: string;
  name: string;
  population: number;
  socialAreaCode: string | null;
  socialAreaName: string | null;
}
export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id?: string; geometry: { type: string; coordinates: unknown } | null; properties: P }[];
}
export interface PublicConfig {
  tileUrl: string;
  tileAttribution: string;
  environment: string;
}

/* ---------- organizations: GET /api/organizations, GET /api/organizations/:id, POST /api/organizations ---------- */
export interface OrganizationDto {
  id: string;
  name: string;
  kind: OrganizationKind;
  /** codice fiscale / partita IVA, normalised (upper case, no spaces) */
  taxCode: string | null;
  municipality: MunicipalityRef;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface CreateOrganizationRequest {
  name: string;
  kind: OrganizationKind;
  /** ISTAT code of the municipality */
  municipality: string;
  /** checksum-verified; unique in the tenant */
  taxCode?: string | null;
}

/* ---------- activities: /api/activities ---------- */
export interface CreateActivityRequest {
  /** generated by the client (uuid): a retry with the same clientId and body returns the same activity */
  clientId: string;
  /** ISTAT code of the municipality (one assigned to the innovator) */
  municipality: string;
  /** YYYY-MM-DD */
  date: string;
  durationMinutes: number;
  type: ActivityType;
  title: string;
  /** the groups are optional and their sum may not exceed the total */
  participants: Participants;
  description?: string | null;
  themes?: Theme[];
  /** organization ids */
  organizations?: string[];
  location?: { lat: number; lon: number } | null;
  outcomes?: string | null;
  followUps?: string | null;
  internalNotes?: string | null;
}
/** Only the fields sent change; `null` clears an optional field. */
export type UpdateActivityRequest = { version: number } & Partial<Omit<CreateActivityRequest, 'clientId'>>;
/** approve (comment optional), return (comment required), reopen (comment optional); `version`, when sent, must be current. */
export interface ActivityReviewRequest {
  comment?: string;
  version?: number;
}
/**
 * `-date` (default): newest first; `date`: oldest first; `submitted`: the review queue, oldest
 * submission first (`submittedAt`, then id). `submitted` needs `status=submitted`.
 */
export const ACTIVITY_SORTS = ['-date', 'date', 'submitted'] as const;
export type ActivitySort = (typeof ACTIVITY_SORTS)[number];
export interface ActivityFilters {
  /** ISTAT code */
  municipality?: string;
  /** social area code */
  socialArea?: string;
  /** author's user id */
  innovator?: string;
  type?: ActivityType;
  status?: ActivityStatus;
  theme?: Theme;
  /** organization id */
  organization?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
  /** free text, Italian-aware (accents, word forms); never matches internal notes */
  q?: string;
}
export interface ActivityListQuery extends ActivityFilters {
  /** `-date` (default): newest first; `date`: oldest first; `submitted` (with `status=submitted`): oldest submission first */
  sort?: ActivitySort;
  page?: number;
  pageSize?: number;
}
export interface ActivityExportQuery extends ActivityFilters {
  format: ExportFormat;
  sort?: ActivitySort;
}
/** Lists count matches up to this number: beyond it `total` is this cap and `totalCapped` is true. */
export const ACTIVITY_COUNT_CAP = 10_000;
export interface ActivityPage extends Page<ActivityDto> {
  /** true when more than `total` activities match (the count stopped at ACTIVITY_COUNT_CAP) */
  totalCapped: boolean;
}

/* ---------- staff output: GET /api/staff-output (coordinators; admins name the tenant) ---------- */
export interface StaffOutputQuery {
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, inclusive; at most 3 years after `from` */
  to: string;
  /** 1–365, default 30: an assigned municipality is "not visited" without an activity of the innovator there in the last staleDays days up to `to` */
  staleDays?: number;
  /** admins: ISTAT code of the metropolitan city (required for them) */
  tenant?: string;
}
export const STAFF_OUTPUT_DEFAULT_STALE_DAYS = 30;
export const STAFF_OUTPUT_MAX_STALE_DAYS = 365;
export const STAFF_OUTPUT_MAX_YEARS = 3;
/** Hours and participants count the activities in these statuses (drafts and returned activities are not reported work yet). */
export const STAFF_OUTPUT_REPORTED_STATUSES = ['submitted', 'approved'] as const satisfies readonly ActivityStatus[];

/** Time from submission to review, over the activities reviewed (approved or returned) in the period. */
export interface ReviewTimeStats {
  /** activities reviewed in the period */
  reviewed: number;
  /** hours, one decimal; null when nothing was reviewed */
  medianHours: number | null;
  p90Hours: number | null;
}
/** Figures over the activities dated in the period (all statuses unless said otherwise). */
export interface StaffOutputFigures {
  /** every activity of the period, whatever its status */
  activities: number;
  byStatus: Record<ActivityStatus, number>;
  byType: Record<ActivityType, number>;
  /** sum of durations / 60, one decimal, over STAFF_OUTPUT_REPORTED_STATUSES */
  hours: number;
  /** sum of participants (total), over STAFF_OUTPUT_REPORTED_STATUSES */
  participants: number;
  reviewTime: ReviewTimeStats;
}
export interface UnvisitedMunicipality extends MunicipalityRef {
  /** the innovator's last activity there up to `to` (YYYY-MM-DD), null if never */
  lastVisit: string | null;
}
export interface StaffOutputInnovator extends StaffOutputFigures {
  id: string;
  fullName: string;
  active: boolean;
  hiredOn: string | null;
  contractEnd: string | null;
  assignedMunicipalities: MunicipalityRef[];
  /** assigned municipalities without an activity of the innovator from `period.staleSince` to `period.to` */
  unvisitedMunicipalities: UnvisitedMunicipality[];
  /** date of the innovator's last activity up to `to` (any status), null if none */
  lastActivityDate: string | null;
}
export interface StaffOutputDto {
  tenant: TenantRef;
  period: {
    from: string;
    to: string;
    staleDays: number;
    /** first day of the staleness window: to − (staleDays − 1) */
    staleSince: string;
  };
  /** statuses counted in hours and participants */
  reportedStatuses: ActivityStatus[];
  /** every innovator of the tenant (active or not, with or without activity), by name */
  innovators: StaffOutputInnovator[];
  /** the tenant's figures: sums of the innovators', with review times over all reviewed activities */
  totals: StaffOutputFigures & { innovators: number; activeInnovators: number; unvisitedMunicipalities: number };
}
