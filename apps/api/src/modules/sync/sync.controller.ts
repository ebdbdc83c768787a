import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { ReferenceQueryDto } from './dto/reference.query';
import { ReferenceChangesResponse } from './dto/reference.response';
import { SyncErrors } from './sync.errors';
import { SyncService } from './sync.service';

/** Field mode: what an innovator's phone keeps offline (docs/field-mode.md). */
@ApiTags('sync')
@Controller('sync')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

  @Get('reference')
  @Roles('innovator')
  @ApiOperation({
    summary:
      "Changes since a cursor of an innovator's reference data: assigned municipalities, their organizations, buildings, initiatives, own recent activities",
    description:
      "Scoped like the lists, narrowed to the assigned municipalities. Per kind: `upserts` (changed rows, at most 500 per page) and `ids` (every id in scope when the set changed: drop the others). `complete: false`: call again with `cursor`. A complete round records the device's last sync.",
  })
  @ApiOkResponse({ type: ReferenceChangesResponse })
  @ApiErrors(SyncErrors.SYNC_CURSOR_INVALID)
  getReferenceChanges(@Scope() scope: AccessScope, @Query() query: ReferenceQueryDto): Promise<ReferenceChangesResponse> {
    return this.sync.reference(scope, query);
  }
}
