import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { OrganizationDto, Page } from '@trama/contracts';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { ListOrganizationsQuery } from './dto/list-organizations.query';
import { OrganizationResponseDto, OrganizationsPageDto } from './dto/organization.response';
import { OrganizationErrors } from './organizations.errors';
import { OrganizationsService } from './organizations.service';

const OrganizationId = () => UuidParam(() => OrganizationErrors.ORGANIZATION_NOT_FOUND());

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: "List the organizations you may see (your tenant's; municipality users: their territory's), by name" })
  @ApiOkResponse({ type: OrganizationsPageDto })
  listOrganizations(@Scope() scope: AccessScope, @Query() query: ListOrganizationsQuery): Promise<Page<OrganizationDto>> {
    return this.organizations.listOrganizations(scope, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiNotFoundResponse({ description: 'ORGANIZATION_NOT_FOUND: unknown, or outside your scope' })
  getOrganization(@Scope() scope: AccessScope, @Param('id', OrganizationId()) id: string): Promise<OrganizationDto> {
    return this.organizations.getOrganization(scope, id);
  }

  @Post()
  @Roles('innovator', 'coordinator')
  @ApiOperation({
    summary: 'Register an organization (innovators: in their assigned municipalities; coordinators: anywhere in the tenant)',
  })
  @ApiCreatedResponse({ type: OrganizationResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, ORGANIZATION_MUNICIPALITY_UNKNOWN, ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED' })
  @ApiConflictResponse({ description: 'ORGANIZATION_TAX_CODE_TAKEN' })
  createOrganization(@Scope() scope: AccessScope, @Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.createOrganization(scope, body);
  }
}
