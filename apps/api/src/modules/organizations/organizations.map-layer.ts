import { Injectable } from '@nestjs/common';
import { ORGANIZATION_KINDS } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { MapLayerSource, MapViewport } from '../map/map-layer';
import type { OrganizationFiltersQuery } from './dto/list-organizations.query';
import { OrganizationsService } from './organizations.service';

/**
 * The organizations' map layer (docs/map.md): the list's filters and rule (merged ones left out),
 * coloured by kind, named by name. Exported by OrganizationsModule for modules/map.
 */
@Injectable()
export class OrganizationsMapLayer implements MapLayerSource<OrganizationFiltersQuery & MapViewport> {
  readonly layer = 'organizations' as const;
  readonly categoryColumn = 'kind';
  readonly categories = ORGANIZATION_KINDS;
  readonly labelColumn = 'name';

  constructor(private readonly organizations: OrganizationsService) {}

  async filtered(scope: AccessScope, query: OrganizationFiltersQuery & MapViewport, alias: string) {
    return this.organizations.filtered(scope, query, alias);
  }
}
