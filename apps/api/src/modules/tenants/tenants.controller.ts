import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Scope } from '../../common/auth/decorators';
import { TenantRefDto } from '../../common/http/refs.dto';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @ApiOperation({ summary: 'The metropolitan cities the caller may reach: all for an admin, their own for everyone else' })
  @ApiExtraModels(TenantRefDto)
  @ApiOkResponse({
    description: 'by name; a list, not a page',
    // at most one tenant per 3-digit ISTAT code
    schema: { type: 'array', items: { $ref: getSchemaPath(TenantRefDto) }, maxItems: 1000 },
  })
  listTenants(@Scope() scope: AccessScope): Promise<TenantRefDto[]> {
    return this.tenants.listTenants(scope);
  }
}
