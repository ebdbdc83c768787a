import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { StaffOutputQueryDto } from './dto/staff-output.query';
import { StaffOutputResponse } from './dto/staff-output.response';
import { StaffOutputErrors } from './staff-output.errors';
import { StaffOutputService } from './staff-output.service';

@ApiTags('staff-output')
@Roles('coordinator')
@Controller('staff-output')
export class StaffOutputController {
  constructor(private readonly staffOutput: StaffOutputService) {}

  @Get()
  @ApiOperation({
    summary:
      "The innovators' output in a period: activities by status and type, hours, participants, review times, unvisited municipalities",
    description:
      'Coordinators see their tenant; admins must pass `tenant`. Hours and participants count submitted and approved activities; ' +
      'counts by status and type count every activity dated in the period (bounds inclusive).',
  })
  @ApiOkResponse({ type: StaffOutputResponse })
  @ApiErrors(StaffOutputErrors.STAFF_OUTPUT_TENANT_REQUIRED, StaffOutputErrors.STAFF_OUTPUT_TENANT_UNKNOWN)
  getStaffOutput(@Scope() scope: AccessScope, @Query() query: StaffOutputQueryDto): Promise<StaffOutputResponse> {
    return this.staffOutput.getStaffOutput(scope, query);
  }
}
