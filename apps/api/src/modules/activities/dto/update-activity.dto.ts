import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_TYPES, type ActivityType, THEMES, type Theme, type UpdateActivityRequest } from '@trama/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ISTAT_MESSAGE, ISTAT_MUNICIPALITY, MAX_DURATION_MINUTES, MAX_ORGANIZATIONS, TEXT_LIMITS } from './create-activity.dto';
import { LocationDto } from './location.dto';
import { ParticipantsDto } from './participants.dto';
import { GroupsWithinTotal, IsDateOnly, Trim, TrimToNull } from './validators';

/** Required fields may be left out but not set to null. */
const Present = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);

/**
 * PATCH /api/activities/:id: only the fields sent change (`null` clears an optional one);
 * `version` is the one the client loaded (a stale one is a 409 and nothing is written).
 */
export class UpdateActivityDto implements UpdateActivityRequest {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ pattern: '^[0-9]{6}$' })
  @Present()
  @IsString()
  @Matches(ISTAT_MUNICIPALITY, { message: ISTAT_MESSAGE })
  municipality?: string;

  @ApiPropertyOptional({ format: 'date' })
  @Present()
  @IsDateOnly()
  date?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DURATION_MINUTES })
  @Present()
  @IsInt()
  @Min(1)
  @Max(MAX_DURATION_MINUTES)
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: ACTIVITY_TYPES })
  @Present()
  @IsIn(ACTIVITY_TYPES)
  type?: ActivityType;

  @ApiPropertyOptional({ minLength: 1, maxLength: TEXT_LIMITS.title })
  @Present()
  @Trim()
  @IsString()
  @Length(1, TEXT_LIMITS.title)
  title?: string;

  @ApiPropertyOptional({ type: ParticipantsDto })
  @Present()
  @IsObject()
  @ValidateNested()
  @Type(() => ParticipantsDto)
  @GroupsWithinTotal()
  participants?: ParticipantsDto;

  @ApiPropertyOptional({ nullable: true, maxLength: TEXT_LIMITS.description })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(TEXT_LIMITS.description)
  description?: string | null;

  @ApiPropertyOptional({ enum: THEMES, isArray: true })
  @Present()
  @IsArray()
  @ArrayMaxSize(THEMES.length)
  @ArrayUnique()
  @IsIn(THEMES, { each: true })
  themes?: Theme[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @Present()
  @IsArray()
  @ArrayMaxSize(MAX_ORGANIZATIONS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organizations?: string[];

  @ApiPropertyOptional({ type: LocationDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto | null;

  @ApiPropertyOptional({ nullable: true, maxLength: TEXT_LIMITS.outcomes })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(TEXT_LIMITS.outcomes)
  outcomes?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: TEXT_LIMITS.followUps })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(TEXT_LIMITS.followUps)
  followUps?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: TEXT_LIMITS.internalNotes })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(TEXT_LIMITS.internalNotes)
  internalNotes?: string | null;
}
