import { ApiSchema } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { ApiText } from '../../../common/http/api-schema';
import { Trim, TrimToNull } from '../../../common/http/trim';
import { Optional, VersionColumn } from '../../../common/http/fields';

export const MAX_COMMENT = 2_000;

/** submit, approve, reopen: optional `version` (when sent it must be current) and, for reviews, an optional comment. */
@ApiSchema({ name: 'ActivityTransitionRequest' })
export class TransitionActivityDto {
  @ApiText(MAX_COMMENT, { required: false, description: 'approve/reopen: stored as the review comment; ignored by submit' })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(MAX_COMMENT)
  comment?: string;

  @VersionColumn({ required: false, description: 'when sent, it must be the current version (a stale one is a 409)' })
  @Optional()
  version?: number;
}

/** return: the comment tells the author what to change, so it is required. */
@ApiSchema({ name: 'ReturnActivityRequest' })
export class ReturnActivityDto {
  @ApiText(MAX_COMMENT, { minLength: 1, description: 'what the author should change (trimmed, not empty)' })
  @Trim()
  @IsString()
  @Length(1, MAX_COMMENT, { message: 'comment must not be empty (at most $constraint2 characters)' })
  comment: string;

  @VersionColumn({ required: false, description: 'when sent, it must be the current version (a stale one is a 409)' })
  @Optional()
  version?: number;
}

/** undo of the caller's latest approve or return: the version the caller got back from that decision. */
@ApiSchema({ name: 'UndoReviewRequest' })
export class UndoReviewDto {
  @VersionColumn({ description: 'the version returned by the decision; a later one (the author acted) is a 409' })
  version: number;
}

/** The reviewer corrects the comment of their latest return (or reopen) until the author opens the activity. */
@ApiSchema({ name: 'EditReviewCommentRequest' })
export class EditReviewCommentDto {
  @ApiText(MAX_COMMENT, { minLength: 1, description: 'the corrected comment (trimmed, not empty)' })
  @Trim()
  @IsString()
  @Length(1, MAX_COMMENT, { message: 'comment must not be empty (at most $constraint2 characters)' })
  comment: string;

  @VersionColumn({ description: 'the current version of the activity (a stale one is a 409)' })
  version: number;
}
