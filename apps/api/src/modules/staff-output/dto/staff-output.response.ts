import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, type ActivityStatus, type ActivityType, STAFF_OUTPUT_MAX_STALE_DAYS } from '@trama/contracts';
import {
  ApiDateTime,
  ApiArray,
  ApiCount,
  ApiCountsBy,
  ApiDate,
  ApiEnumArray,
  ApiInt,
  ApiNumber,
  ApiText,
  ApiUuid,
  INT53_MAX,
  NAME_LENGTH,
} from '../../../common/http/api-schema';
import { MunicipalityRefDto, TenantRefDto } from '../../../common/http/refs.dto';
import { MAX_ASSIGNED_MUNICIPALITIES } from '../../users/dto/create-user.dto';

/* Response shapes of GET /api/staff-output: what StaffOutputService returns, property by property. */

@ApiSchema({ name: 'UnvisitedMunicipality' })
class UnvisitedMunicipalitySchema extends MunicipalityRefDto {
  @ApiDate({ nullable: true, description: 'last activity of the innovator there up to `to`; null: never' })
  lastVisit: string | null;
}

@ApiSchema({ name: 'ReviewTimeStats' })
class ReviewTimeSchema {
  @ApiCount({ description: 'activities reviewed (approved or returned) in the period' }) reviewed: number;
  @ApiNumber(0, 1_000_000, {
    nullable: true,
    description: 'median hours from submission to review, one decimal; null when nothing was reviewed',
  })
  medianHours: number | null;
  @ApiNumber(0, 1_000_000, { nullable: true, description: '90th percentile, hours, one decimal; null when nothing was reviewed' })
  p90Hours: number | null;
}

@ApiSchema({ name: 'StaffOutputFigures' })
class FiguresSchema {
  @ApiCount({ description: 'activities dated in the period, any status' }) activities: number;
  @ApiCountsBy(ACTIVITY_STATUSES, 'status') byStatus: Record<ActivityStatus, number>;
  @ApiCountsBy(ACTIVITY_TYPES, 'type') byType: Record<ActivityType, number>;
  @ApiNumber(0, INT53_MAX, { description: 'sum of durations / 60, one decimal: submitted and approved activities' }) hours: number;
  @ApiInt(0, INT53_MAX, { description: 'sum of participants (total): submitted and approved activities' }) participants: number;
  @ApiProperty({ type: () => ReviewTimeSchema }) reviewTime: ReviewTimeSchema;
}

@ApiSchema({ name: 'StaffOutputInnovator' })
class InnovatorSchema extends FiguresSchema {
  @ApiUuid() id: string;
  @ApiText(NAME_LENGTH) fullName: string;
  @ApiProperty() active: boolean;
  @ApiDate({ nullable: true }) hiredOn: string | null;
  @ApiDate({ nullable: true }) contractEnd: string | null;
  @ApiArray(MunicipalityRefDto, MAX_ASSIGNED_MUNICIPALITIES) assignedMunicipalities: MunicipalityRefDto[];
  @ApiArray(UnvisitedMunicipalitySchema, MAX_ASSIGNED_MUNICIPALITIES, {
    description: 'assigned municipalities without an activity of the innovator from `period.staleSince` to `period.to`',
  })
  unvisitedMunicipalities: UnvisitedMunicipalitySchema[];
  @ApiDate({ nullable: true, description: "date of the innovator's last activity up to `to` (any status), null if none" })
  lastActivityDate: string | null;
  @ApiDateTime({
    nullable: true,
    description: "the last complete sync of field mode's reference data from any of the innovator's devices, null if never",
  })
  lastSyncAt: string | null;
}

@ApiSchema({ name: 'StaffOutputPeriod' })
class PeriodSchema {
  @ApiDate() from: string;
  @ApiDate() to: string;
  @ApiInt(1, STAFF_OUTPUT_MAX_STALE_DAYS) staleDays: number;
  @ApiDate({ description: 'to − (staleDays − 1): first day of the staleness window' }) staleSince: string;
}

@ApiSchema({ name: 'StaffOutputTotals' })
class TotalsSchema extends FiguresSchema {
  @ApiCount() innovators: number;
  @ApiCount() activeInnovators: number;
  @ApiCount({ description: 'sum over innovators of their unvisited municipalities' }) unvisitedMunicipalities: number;
}

@ApiSchema({ name: 'StaffOutput' })
export class StaffOutputResponse {
  @ApiProperty({ type: () => TenantRefDto }) tenant: TenantRefDto;
  @ApiProperty({ type: () => PeriodSchema }) period: PeriodSchema;
  @ApiEnumArray(ACTIVITY_STATUSES, 'ActivityStatus', { description: 'statuses counted in hours and participants' })
  reportedStatuses: ActivityStatus[];
  @ApiProperty({
    type: InnovatorSchema,
    isArray: true,
    description: 'every innovator of the tenant (active or not, with or without activity), by name',
  })
  innovators: InnovatorSchema[];
  @ApiProperty({
    type: () => TotalsSchema,
    description: "the tenant's figures: sums of the innovators', review times over all reviewed activities",
  })
  totals: TotalsSchema;
}
