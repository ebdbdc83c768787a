import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { TenantRef } from '@trama/contracts';
import { AccessScope } from '../../common/access/access-scope';
import { Scope } from '../../common/auth/decorators';
import { TenantRefDto } from './dto/tenant-ref.dto';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @ApiOperation({ summary: 'The metropolitan cities the caller may reach: all for an admin, their own for everyone else' })
  @ApiOkResponse({ type: TenantRefDto, isArray: true })
  listTenants(@Scope() scope: AccessScope): Promise<TenantRef[]> {
    return this.tenants.listTenants(scope);
  }
}
