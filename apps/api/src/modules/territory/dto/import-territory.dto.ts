import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Imports (or re-imports) a metropolitan city from the four files of its slug in the server's territory folder. */
export class ImportTerritoryDto {
  @ApiProperty({ description: 'ISTAT code of the metropolitan city (province code + 200)', example: '272' })
  @IsString()
  @Matches(/^\d{3}$/, { message: 'istatCode must be 3 digits' })
  istatCode: string;

  @ApiProperty({ example: 'Città Metropolitana di Bari' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    description: 'file prefix: <slug>-comuni.csv, <slug>-social-areas.csv, <slug>-comuni.geojson, <slug>-comuni.simplified.geojson',
    example: 'bari',
  })
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'slug must be 1–40 lower-case letters, digits or "-"' })
  slug: string;

  @ApiPropertyOptional({ description: 'year of the population figures when the CSV has no population_year column', example: 2026 })
  @IsOptional()
  @IsInt()
  @Min(1861)
  @Max(2200)
  populationYear?: number;

  @ApiPropertyOptional({
    description: "apply the files' social areas to municipalities that already exist (default: keep the current ones)",
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  overwriteMemberships?: boolean;
}

export class ImportSummaryResponse {
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ description: 'the tenant did not exist before' }) created: boolean;
  @ApiProperty() socialAreas: number;
  @ApiProperty() municipalities: number;
  @ApiProperty() socialAreasCreated: number;
  @ApiProperty() socialAreasUpdated: number;
  @ApiProperty() municipalitiesCreated: number;
  @ApiProperty() municipalitiesUpdated: number;
  @ApiProperty() municipalitiesUnchanged: number;
  @ApiProperty({ type: String, isArray: true }) membershipsKept: string[];
  @ApiProperty() populationYear: number;
  @ApiProperty({ type: String, isArray: true }) warnings: string[];
  @ApiProperty() durationMs: number;
}
