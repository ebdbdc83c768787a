import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** A problem with one field of the request, shown beside the field in the UI. */
@ApiSchema({ name: 'FieldProblem' })
export class FieldProblemDto {
  @ApiProperty({ type: 'string', description: 'the field, dotted for nested ones (participants.total)', example: 'title' })
  field: string;

  @ApiProperty({ type: 'array', items: { type: 'string' }, description: 'what is wrong with it, for developers (in English)' })
  messages: string[];

  @ApiProperty({
    type: 'array',
    items: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', maxLength: 64 },
    description:
      'one per message, for the interface to show its own text: a field code (REQUIRED, TOO_LONG, NOT_ALLOWED, INVALID_FORMAT, … the FIELD_ERROR_CODES of libs/contracts) or a domain error code',
    example: ['TOO_LONG'],
  })
  codes: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'the limits the texts name: max (TOO_LONG, TOO_MANY, OUT_OF_RANGE), min (TOO_SHORT, OUT_OF_RANGE)',
    example: { max: 200 },
  })
  params?: Record<string, number>;
}

/*
 * `message`, `details` and its fields have no declared size: they echo the request (one entry per
 * field at fault, unknown properties by name), and the request body is at most 1 MB.
 */

/**
 * The body of every error the API returns (common/errors/error.filter.ts). `code` is stable and
 * machine-readable: the operation's responses list the codes it may return.
 */
@ApiSchema({ name: 'ApiError' })
export class ApiErrorDto {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 400, maximum: 599, example: 400 })
  statusCode: number;

  @ApiProperty({ type: 'string', maxLength: 64, description: 'the HTTP reason phrase', example: 'Bad Request' })
  error: string;

  @ApiProperty({ type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', maxLength: 64, example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ type: 'string', description: 'for people; in English', example: 'title must be shorter than or equal to 200 characters' })
  message: string;

  @ApiPropertyOptional({
    type: FieldProblemDto,
    isArray: true,
    description: 'VALIDATION_FAILED and some domain errors: the fields at fault',
  })
  details?: FieldProblemDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'some domain errors: what the caller needs to act on them (ORGANIZATION_POSSIBLE_DUPLICATE: `candidates`; IMPORT_REJECTED: `report`)',
  })
  data?: Record<string, unknown>;
}
