import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ApiCode, ApiCount, ApiInt, ApiIstatTenant, ApiText, ApiUuid, INT32_MAX } from '../../../common/http/api-schema';
import { IntColumn, Optional } from '../../../common/http/fields';

/** Imports (or re-imports) a metropolitan city from the four files of its slug in the server's territory folder. */
@ApiSchema({ name: 'ImportTerritoryRequest' })
export class ImportTerritoryDto {
  @ApiIstatTenant({ description: 'ISTAT code of the metropolitan city (province code + 200)' })
  @IsString()
  @Matches(/^\d{3}$/, { message: 'istatCode must be 3 digits' })
  istatCode: string;

  @ApiText(200, { minLength: 1, example: 'Città Metropolitana di Bari' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiCode('^[a-z0-9-]{1,40}$', 40, {
    description: 'file prefix: <slug>-comuni.csv, <slug>-social-areas.csv, <slug>-comuni.geojson, <slug>-comuni.simplified.geojson',
    example: 'bari',
  })
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'slug must be 1–40 lower-case letters, digits or "-"' })
  slug: string;

  @IntColumn(1861, 2200, {
    required: false,
    description: 'year of the population figures when the CSV has no population_year column',
    example: 2026,
  })
  @Optional()
  populationYear?: number;

  @ApiProperty({
    required: false,
    description: "apply the files' social areas to municipalities that already exist (default: keep the current ones)",
    default: false,
  })
  @Optional()
  @IsBoolean()
  overwriteMemberships?: boolean;
}

/**
 * A line of the summary: a municipality's code and name (at most 300 characters) with the reason.
 * How many: a few per municipality or social area of the files (no declared maximum: the admin's
 * files decide).
 */
const LINES = (description: string) => ApiProperty({ type: 'array', items: { type: 'string', maxLength: 1000 }, description });

@ApiSchema({ name: 'ImportSummary' })
export class ImportSummaryResponse {
  @ApiUuid() tenantId: string;
  @ApiProperty({ description: 'the tenant did not exist before' }) created: boolean;
  @ApiCount({ description: 'social areas in the files' }) socialAreas: number;
  @ApiCount({ description: 'municipalities in the files' }) municipalities: number;
  @ApiCount() socialAreasCreated: number;
  @ApiCount() socialAreasUpdated: number;
  @ApiCount() municipalitiesCreated: number;
  @ApiCount() municipalitiesUpdated: number;
  @ApiCount() municipalitiesUnchanged: number;
  @LINES('existing municipalities whose social area in the database differs from the files and was kept: "072029: ATS_X (file: ATS_Y)"')
  membershipsKept: string[];
  @ApiInt(1861, 2200) populationYear: number;
  @ApiCount({ description: "population figures written (the files' year and the ISTAT years of population-sources.csv)" })
  populations: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'integer', format: 'int32', minimum: 1861, maximum: 2200 },
    maxItems: 400,
    description: 'the years of the population figures imported',
  })
  populationYears: number[];
  @ApiCount({ description: 'default indicator definitions created (0 when the tenant already had them)' }) indicatorsSeeded: number;
  @LINES('imported anyway, worth a look: municipalities without boundary, points outside their boundary, empty social areas')
  warnings: string[];
  @ApiInt(0, INT32_MAX, { description: 'how long the import took, in milliseconds' }) durationMs: number;
}
