import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  ACTIVITY_COUNT_CAP,
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  type ActivityStatus,
  EXPIRING_MAX_MONTHS,
  INITIATIVE_STATUSES,
  type InitiativeStatus,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  REUSE_STAGES,
  type ReuseStage,
  type ActivityType,
  HOME_LIST_LIMIT,
  HOME_MAX_INACTIVE,
  HOME_MAX_POINTS,
  HOME_MAX_STALE_DAYS,
  THEMES,
  type Theme,
} from '@trama/contracts';
import {
  ApiArray,
  ApiCount,
  ApiCountsBy,
  ApiDate,
  ApiDateTime,
  ApiEnum,
  ApiEnumArray,
  ApiInt,
  ApiNumber,
  ApiText,
  ApiUuid,
  INT32_MAX,
  NAME_LENGTH,
} from '../../../common/http/api-schema';
import { MunicipalityRefDto } from '../../../common/http/refs.dto';
import { MAX_ASSIGNED_MUNICIPALITIES } from '../../users/dto/create-user.dto';
import { TEXT_LIMITS } from '../../activities/dto/create-activity.dto';
import { ExpiringBuildingDto, MAX_EXPIRING } from '../../buildings/dto/building.response';
import { MAX_COMMENT } from '../../activities/dto/review-activity.dto';

/* Response shapes of GET /api/home/*: what HomeService returns, property by property. */

/** A count of at most ACTIVITY_COUNT_CAP: `capped` when there are more. */
@ApiSchema({ name: 'HomeCount' })
export class HomeCountDto {
  @ApiInt(0, ACTIVITY_COUNT_CAP, { description: `counted up to ${ACTIVITY_COUNT_CAP}` }) total: number;
  @ApiProperty({ description: `true when there are more than ${ACTIVITY_COUNT_CAP}` }) capped: boolean;
}

/** An activity as a home lists it. */
@ApiSchema({ name: 'HomeActivity' })
export class HomeActivityDto {
  @ApiUuid() id: string;
  @ApiText(TEXT_LIMITS.title) title: string;
  @ApiDate() date: string;
  @ApiEnum(ACTIVITY_TYPES, 'ActivityType') type: ActivityType;
  @ApiEnum(ACTIVITY_STATUSES, 'ActivityStatus') status: ActivityStatus;
  @ApiEnumArray(THEMES, 'Theme') themes: Theme[];
  @ApiProperty({ type: () => MunicipalityRefDto }) municipality: MunicipalityRefDto;
  @ApiText(NAME_LENGTH, { nullable: true, description: "the author's name; null when the caller may not read the author's account" })
  authorName: string | null;
  @ApiText(MAX_COMMENT, {
    nullable: true,
    description: "the coordinator's comment of the last review (staff only: null for municipality users)",
  })
  reviewComment: string | null;
  @ApiDateTime({ nullable: true }) submittedAt: string | null;
  @ApiDateTime({ nullable: true }) reviewedAt: string | null;
  @ApiDateTime() updatedAt: string;
}

/** A short list: its first items and the number of all. */
@ApiSchema({ name: 'HomeActivityList' })
export class HomeActivityListDto extends HomeCountDto {
  @ApiArray(HomeActivityDto, HOME_LIST_LIMIT, { description: `the first ${HOME_LIST_LIMIT}` }) items: HomeActivityDto[];
}

@ApiSchema({ name: 'HomeUnvisitedMunicipality' })
export class HomeUnvisitedMunicipalityDto extends MunicipalityRefDto {
  @ApiDate({ nullable: true, description: 'the last activity of the innovator there up to today (any status); null: never' })
  lastVisit: string | null;
  @ApiInt(0, INT32_MAX, { nullable: true, description: 'days since lastVisit; null: never' }) daysSince: number | null;
}

@ApiSchema({ name: 'InnovatorHome' })
export class InnovatorHomeResponse {
  @ApiDate({ description: 'today in Italian time: the day the figures are about' }) today: string;
  @ApiInt(1, HOME_MAX_STALE_DAYS) staleDays: number;
  @ApiProperty({
    type: () => HomeActivityListDto,
    description: "own returned activities, the coordinator's comment first: last returned first",
  })
  returned: HomeActivityListDto;
  @ApiProperty({ type: () => HomeActivityListDto, description: 'own drafts, last edited first' })
  drafts: HomeActivityListDto;
  @ApiProperty({ type: () => HomeActivityListDto, description: 'own activities submitted and awaiting review, oldest submission first' })
  submitted: HomeActivityListDto;
  @ApiCount({ description: 'own approved activities (all time)' }) approved: number;
  @ApiCount({ description: 'municipalities assigned to the innovator' }) assignedMunicipalities: number;
  @ApiArray(HomeUnvisitedMunicipalityDto, MAX_ASSIGNED_MUNICIPALITIES, {
    description: 'assigned municipalities without an own activity in the last staleDays days: never visited first, then the longest ago',
  })
  unvisited: HomeUnvisitedMunicipalityDto[];
}

@ApiSchema({ name: 'HomeQueue' })
export class HomeQueueDto extends HomeCountDto {
  @ApiProperty({
    type: () => HomeActivityDto,
    nullable: true,
    description: 'the activity waiting longest (oldest submission); null when none',
  })
  oldest: HomeActivityDto | null;
  @ApiNumber(0, 1_000_000, { nullable: true, description: 'hours the oldest has waited since submission, one decimal; null when none' })
  oldestWaitingHours: number | null;
}

@ApiSchema({ name: 'HomeInactiveInnovator' })
export class HomeInactiveInnovatorDto {
  @ApiUuid() id: string;
  @ApiText(NAME_LENGTH) fullName: string;
  @ApiDate({ nullable: true, description: 'date of the last activity up to today (any status); null: never' })
  lastActivityDate: string | null;
  @ApiInt(0, INT32_MAX, { nullable: true, description: 'days since lastActivityDate; null: never' }) daysSince: number | null;
}

/**
 * What a coordinator should see to before it is late. Activities' kinds list their activities in
 * `items`; `assignment_ending` lists building assignments in `assignments` (its `items` is empty).
 */
export const HOME_EXPIRING_KINDS = ['returned_not_resubmitted', 'assignment_ending'] as const;
export type HomeExpiringKind = (typeof HOME_EXPIRING_KINDS)[number];

@ApiSchema({ name: 'HomeExpiringGroup' })
export class HomeExpiringGroupDto extends HomeActivityListDto {
  @ApiEnum(HOME_EXPIRING_KINDS, 'HomeExpiringKind', {
    description:
      '`returned_not_resubmitted`: returned to the innovator more than staleDays days ago and not submitted again (oldest first); ' +
      '`assignment_ending`: building assignments ending within EXPIRING_DEFAULT_MONTHS months or already ended (overdue first)',
  })
  kind: HomeExpiringKind;
  @ApiArray(ExpiringBuildingDto, HOME_LIST_LIMIT, {
    description: `\`assignment_ending\` only (empty for the other kinds): the first ${HOME_LIST_LIMIT} assignments, overdue first`,
  })
  assignments: ExpiringBuildingDto[];
}

@ApiSchema({ name: 'HomeWeekOutput' })
export class HomeWeekOutputDto {
  @ApiDate() from: string;
  @ApiDate() to: string;
  @ApiCount({ description: 'activities dated in the week (any status)' }) total: number;
  @ApiCountsBy(ACTIVITY_STATUSES, 'status') byStatus: Record<ActivityStatus, number>;
  @ApiCountsBy(ACTIVITY_TYPES, 'type') byType: Record<ActivityType, number>;
}

@ApiSchema({ name: 'CoordinatorHome' })
export class CoordinatorHomeResponse {
  @ApiDate({ description: 'today in Italian time' }) today: string;
  @ApiInt(1, HOME_MAX_STALE_DAYS) staleDays: number;
  @ApiProperty({ type: () => HomeQueueDto, description: 'the review queue: submitted activities' }) queue: HomeQueueDto;
  @ApiCount({ description: 'active innovators without an activity in the last staleDays days (all of them)' }) inactiveTotal: number;
  @ApiArray(HomeInactiveInnovatorDto, HOME_MAX_INACTIVE, {
    description: `the first ${HOME_MAX_INACTIVE} of them: never active first, then the longest inactive`,
  })
  inactiveInnovators: HomeInactiveInnovatorDto[];
  @ApiArray(HomeExpiringGroupDto, HOME_EXPIRING_KINDS.length, { description: 'one group per kind, each present' })
  expiring: HomeExpiringGroupDto[];
  @ApiProperty({ type: () => HomeWeekOutputDto, description: 'activities dated in the last 7 days, today included' })
  lastWeek: HomeWeekOutputDto;
}

@ApiSchema({ name: 'HomePoint' })
export class HomePointDto {
  @ApiUuid() id: string;
  @ApiText(TEXT_LIMITS.title) title: string;
  @ApiDate() date: string;
  @ApiEnum(ACTIVITY_TYPES, 'ActivityType') type: ActivityType;
  @ApiNumber(-90, 90) lat: number;
  @ApiNumber(-180, 180) lon: number;
  @ApiText(NAME_LENGTH) municipalityName: string;
}

@ApiSchema({ name: 'HomeBuildingsCount' })
export class HomeBuildingsCountDto {
  @ApiCount({ description: "buildings of the territory (the buildings list's total without filters)" }) total: number;
  @ApiCountsBy(REUSE_STAGES, 'reuse stage', 'buildings') byStage: Record<ReuseStage, number>;
}

@ApiSchema({ name: 'HomeOrganizationsCount' })
export class HomeOrganizationsCountDto {
  @ApiCount({ description: "organizations of the territory (the organizations list's total without filters)" }) total: number;
  @ApiCountsBy(ORGANIZATION_KINDS, 'kind', 'organizations') byKind: Record<OrganizationKind, number>;
}

@ApiSchema({ name: 'HomeInitiativesCount' })
export class HomeInitiativesCountDto {
  @ApiCount({ description: "initiatives of the territory (the initiatives list's total without filters)" }) total: number;
  @ApiCountsBy(INITIATIVE_STATUSES, 'status', 'initiatives') byStatus: Record<InitiativeStatus, number>;
}

/** The territory's registers as their lists count them (each register's policy and list query). */
@ApiSchema({ name: 'HomeRegisters' })
export class HomeRegistersDto {
  @ApiProperty({ type: () => HomeBuildingsCountDto }) buildings: HomeBuildingsCountDto;
  @ApiProperty({ type: () => HomeOrganizationsCountDto }) organizations: HomeOrganizationsCountDto;
  @ApiProperty({ type: () => HomeInitiativesCountDto }) initiatives: HomeInitiativesCountDto;
}

/** The territory's building assignments ending soon or already ended (GET /api/buildings/expiring). */
@ApiSchema({ name: 'HomeExpiringAssignments' })
export class HomeExpiringAssignmentsDto {
  @ApiInt(1, EXPIRING_MAX_MONTHS, { description: 'ending within this many months (EXPIRING_DEFAULT_MONTHS)' }) months: number;
  @ApiInt(0, MAX_EXPIRING, { description: `all of them, up to ${MAX_EXPIRING}` }) total: number;
  @ApiInt(0, MAX_EXPIRING, { description: 'of which already ended (overdue)' }) overdue: number;
  @ApiArray(ExpiringBuildingDto, MAX_EXPIRING, { description: 'overdue first, then by end date' }) items: ExpiringBuildingDto[];
}

@ApiSchema({ name: 'MunicipalityHome' })
export class MunicipalityHomeResponse {
  @ApiDate({ description: 'first day of the period (inclusive)' }) from: string;
  @ApiDate({ description: 'last day of the period (inclusive)' }) to: string;
  @ApiProperty({ description: 'true when the period is the default one (the last 90 days, today included)' }) defaultPeriod: boolean;
  @ApiProperty({ type: () => HomeCountDto, description: 'approved activities of the territory dated in the period' })
  approved: HomeCountDto;
  @ApiCountsBy(ACTIVITY_TYPES, 'type') byType: Record<ActivityType, number>;
  @ApiCountsBy(THEMES, 'theme (an activity counts under each of its themes)') byTheme: Record<Theme, number>;
  @ApiArray(HomeActivityDto, HOME_LIST_LIMIT, { description: `the latest ${HOME_LIST_LIMIT} approved activities of the period` })
  latest: HomeActivityDto[];
  @ApiArray(HomePointDto, HOME_MAX_POINTS, {
    description: `approved activities of the period with a point, latest first, at most ${HOME_MAX_POINTS}`,
  })
  points: HomePointDto[];
  @ApiProperty({ description: `true when the period has more than ${HOME_MAX_POINTS} points (only the latest are given)` })
  pointsCapped: boolean;
  @ApiProperty({ type: () => HomeRegistersDto, description: 'the registers of the territory (any date): counts as their lists give them' })
  registers: HomeRegistersDto;
  @ApiProperty({ type: () => HomeExpiringAssignmentsDto, description: "the territory's building assignments ending soon or overdue" })
  expiringAssignments: HomeExpiringAssignmentsDto;
}

@ApiSchema({ name: 'HomeCounts' })
export class HomeCountsResponse {
  @ApiInt(0, ACTIVITY_COUNT_CAP, { nullable: true, description: "an innovator's returned activities; null for other roles" })
  returned: number | null;
  @ApiInt(0, ACTIVITY_COUNT_CAP, {
    nullable: true,
    description: 'coordinators and admins: activities waiting for review; null for other roles',
  })
  reviewQueue: number | null;
}
