import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { StaffOutputDto } from '@trama/contracts';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { StaffOutputQueryDto } from './dto/staff-output.query';
import { StaffOutputResponse } from './dto/staff-output.response';
import { StaffOutputService } from './staff-output.service';

@ApiTags('staff-output')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
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
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED (from, to, staleDays, tenant: `details` names the field), STAFF_OUTPUT_TENANT_REQUIRED, STAFF_OUTPUT_TENANT_UNKNOWN',
  })
  @ApiForbiddenResponse({ description: 'Innovators and municipality users' })
  getStaffOutput(@Scope() scope: AccessScope, @Query() query: StaffOutputQueryDto): Promise<StaffOutputDto> {
    return this.staffOutput.getStaffOutput(scope, query);
  }
}
