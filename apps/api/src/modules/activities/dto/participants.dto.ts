import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Participants } from '@trama/contracts';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const MAX = 1_000_000;

/** How many took part, in total and (optionally) by group; the groups together never exceed the total. */
export class ParticipantsDto implements Participants {
  @ApiProperty({ minimum: 0, maximum: MAX })
  @IsInt()
  @Min(0)
  @Max(MAX)
  total: number;

  @ApiPropertyOptional({ minimum: 0, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX)
  citizens?: number;

  @ApiPropertyOptional({ minimum: 0, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX)
  youth?: number;

  @ApiPropertyOptional({ minimum: 0, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX)
  families?: number;

  @ApiPropertyOptional({ minimum: 0, nullable: true, description: 'third-sector bodies (ETS)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX)
  ets?: number;

  @ApiPropertyOptional({ minimum: 0, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX)
  businesses?: number;

  @ApiPropertyOptional({ minimum: 0, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX)
  publicStaff?: number;
}
