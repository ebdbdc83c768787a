import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  type ActivityDto,
  type ActivityPage,
  type ActivityStatus,
  type ActivityType,
  type AuditEntryDto,
  type MunicipalityRef,
  type Participants,
  THEMES,
  type Theme,
} from '@trama/contracts';
import { LocationDto } from './location.dto';
import { ParticipantsDto } from './participants.dto';

class RefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
}

class MunicipalityRefDto implements MunicipalityRef {
  @ApiProperty({ example: '072006' }) istatCode: string;
  @ApiProperty({ example: 'Bari' }) name: string;
}

class SocialAreaRefDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

class OrganizationRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class BuildingRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class InitiativeRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class ActivityResponseDto implements ActivityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status: ActivityStatus;
  @ApiProperty() version: number;
  @ApiProperty({ type: MunicipalityRefDto }) municipality: MunicipalityRef;
  @ApiProperty({ type: SocialAreaRefDto, nullable: true }) socialArea: { code: string; name: string } | null;
  @ApiProperty({ type: RefDto }) author: { id: string; fullName: string };
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: ACTIVITY_TYPES }) type: ActivityType;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: ParticipantsDto }) participants: Participants;
  @ApiProperty({ enum: THEMES, isArray: true }) themes: Theme[];
  @ApiProperty({ type: [OrganizationRefDto] }) organizations: { id: string; name: string }[];
  @ApiProperty({ type: BuildingRefDto, nullable: true, description: 'always null until the buildings register exists' })
  building: { id: string; name: string } | null;
  @ApiProperty({ type: InitiativeRefDto, nullable: true, description: 'always null until the initiatives register exists' })
  initiative: { id: string; title: string } | null;
  @ApiProperty({ type: LocationDto, nullable: true }) location: { lat: number; lon: number } | null;
  @ApiProperty({ nullable: true, type: String }) outcomes: string | null;
  @ApiProperty({ nullable: true, type: String }) followUps: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'absent for municipality users' }) internalNotes?: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null for municipality users' }) reviewComment: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reviewedAt: string | null;
  @ApiProperty({ type: RefDto, nullable: true, description: 'null for municipality users' }) reviewedBy: {
    id: string;
    fullName: string;
  } | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ActivityPageDto implements ActivityPage {
  @ApiProperty({ type: [ActivityResponseDto] }) items: ActivityDto[];
  @ApiProperty({ description: 'matches, counted up to ACTIVITY_COUNT_CAP (10000)' }) total: number;
  @ApiProperty({ description: 'true when more than `total` activities match' }) totalCapped: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ActivityHistoryEntryDto implements AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: RefDto, nullable: true }) actor: { id: string; fullName: string } | null;
  @ApiProperty({ example: 'activity' }) entity: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ enum: ['create', 'update', 'submit', 'approve', 'return', 'reopen'] }) action: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) before: unknown;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) after: unknown;
}
