import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ActivityReviewRequest } from '@trama/contracts';
import { IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { Trim, TrimToNull } from '../../../common/http/trim';

export const MAX_COMMENT = 2_000;

/** submit, approve, reopen: optional `version` (when sent it must be current) and, for reviews, an optional comment. */
export class TransitionActivityDto implements ActivityReviewRequest {
  @ApiPropertyOptional({ maxLength: MAX_COMMENT, description: 'approve/reopen: stored as the review comment; ignored by submit' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(MAX_COMMENT)
  comment?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** return: the comment tells the author what to change, so it is required. */
export class ReturnActivityDto implements ActivityReviewRequest {
  @ApiProperty({ minLength: 1, maxLength: MAX_COMMENT })
  @Trim()
  @IsString()
  @Length(1, MAX_COMMENT, { message: 'comment must not be empty (at most $constraint2 characters)' })
  comment: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
