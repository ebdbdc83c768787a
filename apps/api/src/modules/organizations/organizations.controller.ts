import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { UUID_LENGTH } from '../../common/http/api-schema';
import { UuidParam } from '../../common/http/uuid-param';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { ListOrganizationsQuery } from './dto/list-organizations.query';
import { OrganizationResponseDto, OrganizationsPageDto } from './dto/organization.response';
import { OrganizationErrors } from './organizations.errors';
import { OrganizationsService } from './organizations.service';

const OrganizationId = () => UuidParam(() => OrganizationErrors.ORGANIZATION_NOT_FOUND());

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: "List the organizations you may see (your tenant's; municipality users: their territory's), by name" })
  @ApiOkResponse({ type: OrganizationsPageDto })
  listOrganizations(@Scope() scope: AccessScope, @Query() query: ListOrganizationsQuery): Promise<OrganizationsPageDto> {
    return this.organizations.listOrganizations(scope, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organization you may see' })
  @ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH } })
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiErrors(OrganizationErrors.ORGANIZATION_NOT_FOUND)
  getOrganization(@Scope() scope: AccessScope, @Param('id', OrganizationId()) id: string): Promise<OrganizationResponseDto> {
    return this.organizations.getOrganization(scope, id);
  }

  @Post()
  @Roles('innovator', 'coordinator')
  @ApiOperation({
    summary: 'Register an organization (innovators: in their assigned municipalities; coordinators: anywhere in the tenant)',
  })
  @ApiCreatedResponse({ type: OrganizationResponseDto })
  @ApiErrors(
    OrganizationErrors.ORGANIZATION_MUNICIPALITY_UNKNOWN,
    OrganizationErrors.ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED,
    OrganizationErrors.ORGANIZATION_TAX_CODE_TAKEN,
  )
  createOrganization(@Scope() scope: AccessScope, @Body() body: CreateOrganizationDto): Promise<OrganizationResponseDto> {
    return this.organizations.createOrganization(scope, body);
  }
}
