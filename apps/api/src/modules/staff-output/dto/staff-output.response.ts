import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  type ActivityStatus,
  type ActivityType,
  type MunicipalityRef,
  type ReviewTimeStats,
  type StaffOutputDto,
  type StaffOutputFigures,
  type StaffOutputInnovator,
  type TenantRef,
  type UnvisitedMunicipality,
} from '@trama/contracts';

/* Response shapes for the OpenAPI document. The service returns the plain contract types; these classes only describe them. */

const countsBy = (keys: readonly string[], what: string): ApiPropertyOptions => ({
  type: 'object',
  description: `number of activities per ${what}; every key present`,
  properties: Object.fromEntries(keys.map((k) => [k, { type: 'integer' as const }])),
  required: [...keys],
});

class TenantRefSchema implements TenantRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '272' }) istatCode: string;
  @ApiProperty({ example: 'Città Metropolitana di Bari' }) name: string;
}

class MunicipalityRefSchema implements MunicipalityRef {
  @ApiProperty({ example: '072029' }) istatCode: string;
  @ApiProperty({ example: 'Molfetta' }) name: string;
}

class UnvisitedMunicipalitySchema extends MunicipalityRefSchema implements UnvisitedMunicipality {
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'last activity of the innovator there up to `to`; null: never',
  })
  lastVisit: string | null;
}

class ReviewTimeSchema implements ReviewTimeStats {
  @ApiProperty({ description: 'activities reviewed (approved or returned) in the period' }) reviewed: number;
  @ApiProperty({ type: Number, nullable: true, description: 'median hours from submission to review, one decimal' }) medianHours:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90th percentile, hours, one decimal' }) p90Hours: number | null;
}

class FiguresSchema implements StaffOutputFigures {
  @ApiProperty({ description: 'activities dated in the period, any status' }) activities: number;
  @ApiProperty(countsBy(ACTIVITY_STATUSES, 'status')) byStatus: Record<ActivityStatus, number>;
  @ApiProperty(countsBy(ACTIVITY_TYPES, 'type')) byType: Record<ActivityType, number>;
  @ApiProperty({ description: 'sum of durations / 60, one decimal: submitted and approved activities' }) hours: number;
  @ApiProperty({ description: 'sum of participants (total): submitted and approved activities' }) participants: number;
  @ApiProperty({ type: ReviewTimeSchema }) reviewTime: ReviewTimeStats;
}

class InnovatorSchema extends FiguresSchema implements StaffOutputInnovator {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) hiredOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) contractEnd: string | null;
  @ApiProperty({ type: [MunicipalityRefSchema] }) assignedMunicipalities: MunicipalityRef[];
  @ApiProperty({ type: [UnvisitedMunicipalitySchema] }) unvisitedMunicipalities: UnvisitedMunicipality[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastActivityDate: string | null;
}

class PeriodSchema {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty() staleDays: number;
  @ApiProperty({ format: 'date', description: 'to − (staleDays − 1): first day of the staleness window' }) staleSince: string;
}

class TotalsSchema extends FiguresSchema {
  @ApiProperty() innovators: number;
  @ApiProperty() activeInnovators: number;
  @ApiProperty({ description: 'sum over innovators of their unvisited municipalities' }) unvisitedMunicipalities: number;
}

export class StaffOutputResponse implements StaffOutputDto {
  @ApiProperty({ type: TenantRefSchema }) tenant: TenantRef;
  @ApiProperty({ type: PeriodSchema }) period: StaffOutputDto['period'];
  @ApiProperty({ enum: ACTIVITY_STATUSES, isArray: true, description: 'statuses counted in hours and participants' })
  reportedStatuses: ActivityStatus[];
  @ApiProperty({ type: [InnovatorSchema] }) innovators: StaffOutputInnovator[];
  @ApiProperty({ type: TotalsSchema }) totals: StaffOutputDto['totals'];
}
