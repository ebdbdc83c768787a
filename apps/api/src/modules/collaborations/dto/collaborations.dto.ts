import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  COLLABORATION_DISMISS_REASON_MAX,
  COLLABORATION_FACTORS,
  COLLABORATION_HALF_LIFE,
  COLLABORATION_MAX_HOPS,
  COLLABORATION_MIN_SCORE,
  COLLABORATION_NETWORK_MAX_NODES,
  COLLABORATION_REASON_CODES,
  COLLABORATION_RUN_STATES,
  COLLABORATION_SUGGESTION_STATUSES,
  COLLABORATION_WEIGHT_MAX,
  type CollaborationFactor,
  type CollaborationReasonCode,
  type CollaborationRunState,
  type CollaborationSuggestionStatus,
  LANGUAGES,
  type Language,
  MAX_PAGE_SIZE,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  RESOURCES,
  TARGET_GROUPS,
  THEMES,
  type Theme,
} from '@trama/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import {
  ApiArray,
  ApiCount,
  ApiDateTime,
  ApiEnum,
  ApiEnumArray,
  ApiInt,
  ApiIstatMunicipality,
  ApiNumber,
  ApiText,
  ApiUuid,
  INT32_MAX,
  NAME_LENGTH,
} from '../../../common/http/api-schema';
import { INT4_MAX, IntColumn, Optional, QueryInt } from '../../../common/http/fields';
import { PageQuery } from '../../../common/http/pagination';
import { MunicipalityRefDto, UserRefDto } from '../../../common/http/refs.dto';
import { Trim } from '../../../common/http/trim';
import { ActivityResponseDto } from '../../activities/dto/activity.response';

const ISTAT = /^[0-9]{6}$/;
const ISTAT_MESSAGE = 'municipality must be the 6-digit ISTAT code of a municipality';

/* ---------- queries ---------- */

/** GET /api/collaborations/suggestions: the filters combine; the caller's territory always applies. */
export class ListSuggestionsQuery extends PageQuery {
  @ApiIstatMunicipality({ required: false, description: 'suggestions with an organization of this municipality (ISTAT code)' })
  @Optional()
  @IsString()
  @Matches(ISTAT, { message: ISTAT_MESSAGE })
  municipality?: string;

  @ApiEnum(THEMES, 'Theme', { required: false, description: 'suggestions whose organizations share this theme' })
  @Optional()
  @IsIn(THEMES)
  theme?: Theme;

  @ApiUuid({ required: false, description: 'suggestions involving this organization' })
  @Optional()
  @IsUUID('all', { message: 'organization must be the id (UUID) of an organization' })
  organization?: string;

  @ApiEnum(COLLABORATION_SUGGESTION_STATUSES, 'CollaborationSuggestionStatus', {
    required: false,
    default: 'open',
    description: 'open (default), accepted or dismissed',
  })
  @Optional()
  @IsIn(COLLABORATION_SUGGESTION_STATUSES)
  status: CollaborationSuggestionStatus = 'open';

  @ApiEnum(LANGUAGES, 'Language', { required: false, default: 'it', description: 'the language of the reasons in words (`text`)' })
  @Optional()
  @IsIn(LANGUAGES)
  lang: Language = 'it';
}

/** GET /api/collaborations/network */
export class NetworkQuery {
  @ApiIstatMunicipality({ required: false, description: 'organizations of this municipality and their partners (ISTAT code)' })
  @Optional()
  @IsString()
  @Matches(ISTAT, { message: ISTAT_MESSAGE })
  municipality?: string;

  @ApiUuid({ required: false, description: 'this organization, its partners and the organizations suggested to it' })
  @Optional()
  @IsUUID('all', { message: 'organization must be the id (UUID) of an organization' })
  organization?: string;

  @ApiEnum(THEMES, 'Theme', { required: false, description: 'organizations with this theme' })
  @Optional()
  @IsIn(THEMES)
  theme?: Theme;

  @QueryInt(1, COLLABORATION_NETWORK_MAX_NODES, {
    required: false,
    default: 500,
    description: 'at most this many organizations, the most linked first',
  })
  @Optional()
  maxNodes = 500;
}

/** Accept with the languages of the draft's title (the caller's). */
export class AcceptSuggestionDto {
  @ApiEnum(LANGUAGES, 'Language', { required: false, default: 'it', description: "the language of the draft activity's title" })
  @Optional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

@ApiSchema({ name: 'DismissSuggestionRequest' })
export class DismissSuggestionDto {
  @ApiText(COLLABORATION_DISMISS_REASON_MAX, { minLength: 1, description: 'why the pair does not fit (trimmed)' })
  @Trim()
  @IsString()
  @Length(1, COLLABORATION_DISMISS_REASON_MAX)
  reason: string;
}

/* ---------- weights ---------- */

@ApiSchema({ name: 'CollaborationFactorWeights' })
export class FactorWeightsDto implements Record<CollaborationFactor, number> {
  @IntColumn(0, COLLABORATION_WEIGHT_MAX, { description: "one's offers meet the other's needs" }) complementarity: number;
  @IntColumn(0, COLLABORATION_WEIGHT_MAX, { description: 'shared themes' }) themes: number;
  @IntColumn(0, COLLABORATION_WEIGHT_MAX, { description: 'shared target groups' }) targetGroups: number;
  @IntColumn(0, COLLABORATION_WEIGHT_MAX, { description: 'same or neighbouring municipality' }) territory: number;
  @IntColumn(0, COLLABORATION_WEIGHT_MAX, { description: 'kinds of organization that rarely work together' }) kindRarity: number;
  @IntColumn(0, COLLABORATION_WEIGHT_MAX, { description: 'distance in the network (no path, hops, communities)' }) distance: number;
}

/** PUT /api/collaborations/weights: the whole setting, with the version loaded. */
@ApiSchema({ name: 'UpdateCollaborationWeightsRequest' })
export class UpdateWeightsDto {
  @ApiProperty({ type: () => FactorWeightsDto, description: 'at least one weight above 0' })
  @IsObject()
  @ValidateNested()
  @Type(() => FactorWeightsDto)
  weights: FactorWeightsDto;

  @IntColumn(COLLABORATION_HALF_LIFE.min, COLLABORATION_HALF_LIFE.max, { description: 'months after which a joint activity weighs half' })
  halfLifeMonths: number;

  @IntColumn(COLLABORATION_MAX_HOPS.min, COLLABORATION_MAX_HOPS.max, {
    description: 'pairs this many hops apart or closer, in one community, are not distant',
  })
  maxHops: number;

  @IntColumn(COLLABORATION_MIN_SCORE.min, COLLABORATION_MIN_SCORE.max, { description: 'suggestions scoring below this are not kept' })
  minScore: number;

  @IntColumn(0, INT4_MAX, { description: 'optimistic locking: the version loaded (0: the defaults, never saved); a stale one is a 409' })
  version: number;
}

/** POST /api/collaborations/weights/reset: back to the defaults. */
@ApiSchema({ name: 'ResetCollaborationWeightsRequest' })
export class ResetWeightsDto {
  @IntColumn(0, INT4_MAX, { description: 'optimistic locking: the version loaded (0: the defaults, never saved); a stale one is a 409' })
  version: number;
}

@ApiSchema({ name: 'CollaborationSettings' })
export class CollaborationSettingsValuesDto {
  @ApiProperty({ type: () => FactorWeightsDto }) weights: FactorWeightsDto;
  @ApiInt(COLLABORATION_HALF_LIFE.min, COLLABORATION_HALF_LIFE.max) halfLifeMonths: number;
  @ApiInt(COLLABORATION_MAX_HOPS.min, COLLABORATION_MAX_HOPS.max) maxHops: number;
  @ApiInt(COLLABORATION_MIN_SCORE.min, COLLABORATION_MIN_SCORE.max) minScore: number;
}

@ApiSchema({ name: 'CollaborationWeights' })
export class WeightsResponseDto extends CollaborationSettingsValuesDto {
  @ApiInt(0, INT32_MAX, { description: '0 while the defaults were never changed; send it back with PUT' }) version: number;
  @ApiProperty({ type: () => CollaborationSettingsValuesDto, description: 'the defaults (what reset restores)' })
  defaults: CollaborationSettingsValuesDto;
  @ApiDateTime({ nullable: true }) updatedAt: string | null;
  @ApiProperty({ type: () => UserRefDto, nullable: true }) updatedBy: UserRefDto | null;
}

/* ---------- status ---------- */

@ApiSchema({ name: 'CollaborationStatus' })
export class StatusResponseDto {
  @ApiEnum(COLLABORATION_RUN_STATES, 'CollaborationRunState', {
    description: 'idle: suggestions current; pending/running: a recompute is queued or under way; failed: the last one failed',
  })
  state: CollaborationRunState;
  @ApiNumber(0, 1, { description: 'share of the running recompute done (1 when idle)' }) progress: number;
  @ApiInt(-1, INT32_MAX, { description: 'the weights version the stored suggestions were computed with (-1: never computed)' })
  computedVersion: number;
  @ApiInt(0, INT32_MAX, { description: 'the current weights version' }) weightsVersion: number;
  @ApiDateTime({ nullable: true }) startedAt: string | null;
  @ApiDateTime({ nullable: true }) finishedAt: string | null;
  @ApiInt(0, INT32_MAX, { nullable: true, description: 'milliseconds the last recompute took' }) durationMs: number | null;
  @ApiCount({ description: 'suggestions stored (every status)' }) suggestions: number;
}

/* ---------- suggestions ---------- */

@ApiSchema({ name: 'CollaborationOrganization' })
export class SuggestionOrganizationDto {
  @ApiUuid() id: string;
  @ApiText(NAME_LENGTH) name: string;
  @ApiEnum(ORGANIZATION_KINDS, 'OrganizationKind') kind: OrganizationKind;
  @ApiProperty({ type: () => MunicipalityRefDto }) municipality: MunicipalityRefDto;
}

@ApiSchema({ name: 'CollaborationReasonParams' })
export class ReasonParamsDto {
  @ApiEnumArray(RESOURCES, 'Resource', { required: false, description: "the first organization's offers the second needs" })
  offersToSecond?: string[];
  @ApiEnumArray(RESOURCES, 'Resource', { required: false, description: "the second organization's offers the first needs" })
  offersToFirst?: string[];
  @ApiEnumArray(THEMES, 'Theme', { required: false }) themes?: string[];
  @ApiEnumArray(TARGET_GROUPS, 'TargetGroup', { required: false }) targetGroups?: string[];
  @ApiEnumArray(ORGANIZATION_KINDS, 'OrganizationKind', {
    required: false,
    // two organizations of one kind that rarely work together (two schools): the same kind twice
    uniqueItems: false,
    minItems: 2,
    maxItems: 2,
    description: "the two kinds, the first organization's then the second's (the same twice when both are of one kind)",
  })
  kinds?: string[];
  @ApiInt(0, 1000, { required: false, description: 'hops between the two in the network' }) hops?: number;
  @ApiText(NAME_LENGTH, { required: false, description: 'the neighbouring municipality' }) municipality?: string;
}

@ApiSchema({ name: 'CollaborationReason' })
export class ReasonDto {
  @ApiEnum(COLLABORATION_REASON_CODES, 'CollaborationReasonCode') code: CollaborationReasonCode;
  @ApiEnum(COLLABORATION_FACTORS, 'CollaborationFactor') factor: CollaborationFactor;
  @ApiNumber(0, 100, { description: 'points this reason adds to the score (the contributions add up to it)' }) contribution: number;
  @ApiProperty({ type: () => ReasonParamsDto }) params: ReasonParamsDto;
  @ApiText(1000, { description: "the reason in words, in the asked language, e.g. '+24 offre volontari, di cui l'altra ha bisogno'" })
  text: string;
}

@ApiSchema({ name: 'CollaborationSuggestion' })
export class SuggestionDto {
  @ApiUuid({ description: 'stable: the same pair keeps its id across recomputes' }) id: string;
  @ApiArray(SuggestionOrganizationDto, 2, { minItems: 2 }) organizations: SuggestionOrganizationDto[];
  @ApiNumber(0, 100, { description: '0–100, the sum of the reasons’ contributions' }) score: number;
  @ApiArray(ReasonDto, 20) reasons: ReasonDto[];
  @ApiEnum(COLLABORATION_SUGGESTION_STATUSES, 'CollaborationSuggestionStatus') status: CollaborationSuggestionStatus;
  @ApiText(COLLABORATION_DISMISS_REASON_MAX, { nullable: true }) dismissReason: string | null;
  @ApiUuid({ nullable: true, description: 'the draft introduction activity created on acceptance' }) activityId: string | null;
  @ApiDateTime({ nullable: true, description: 'when the two first worked together after the suggestion (a new collaboration)' })
  collaboratedAt: string | null;
  @ApiDateTime() suggestedAt: string;
}

@ApiSchema({ name: 'CollaborationSuggestionsPage' })
export class SuggestionsPageDto {
  @ApiArray(SuggestionDto, MAX_PAGE_SIZE) items: SuggestionDto[];
  @ApiCount() total: number;
  @ApiInt(1, INT32_MAX) page: number;
  @ApiInt(1, MAX_PAGE_SIZE) pageSize: number;
  @ApiDateTime({ nullable: true, description: 'when the stored suggestions were last computed' }) computedAt: string | null;
}

@ApiSchema({ name: 'AcceptCollaborationSuggestionResponse' })
export class AcceptSuggestionResponseDto {
  @ApiProperty({ type: () => ActivityResponseDto, description: 'the draft introduction activity' }) activity: ActivityResponseDto;
  @ApiProperty({ type: () => SuggestionDto }) suggestion: SuggestionDto;
}

/* ---------- network ---------- */

@ApiSchema({ name: 'CollaborationNetworkNode' })
export class NetworkNodeDto {
  @ApiUuid() id: string;
  @ApiText(NAME_LENGTH) name: string;
  @ApiEnum(ORGANIZATION_KINDS, 'OrganizationKind') kind: OrganizationKind;
  @ApiText(6, { description: 'ISTAT code of its municipality' }) municipality: string;
  @ApiInt(-1, INT32_MAX, { description: 'community found by Louvain at the last recompute (-1: not computed yet)' }) community: number;
}

@ApiSchema({ name: 'CollaborationNetworkEdge' })
export class NetworkEdgeDto {
  @ApiUuid() source: string;
  @ApiUuid() target: string;
  @ApiNumber(0, 1e9, { description: 'joint activities and initiatives, each weighted by its recency (half-life); 0 for a suggested link' })
  weight: number;
  @ApiProperty({ description: 'a suggested link (not yet a collaboration)' }) @IsBoolean() suggested: boolean;
  @ApiUuid({ required: false, description: 'the suggestion of a suggested link' }) suggestionId?: string;
}

@ApiSchema({ name: 'CollaborationNetwork' })
export class NetworkResponseDto {
  @ApiArray(NetworkNodeDto, COLLABORATION_NETWORK_MAX_NODES) nodes: NetworkNodeDto[];
  @ApiArray(NetworkEdgeDto, 1_000_000) edges: NetworkEdgeDto[];
  @ApiProperty({ description: 'more organizations matched than maxNodes: the most linked were kept' }) truncated: boolean;
}
