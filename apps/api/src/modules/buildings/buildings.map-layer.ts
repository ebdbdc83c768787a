import { Injectable } from '@nestjs/common';
import { REUSE_STAGES } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { MapLayerSource, MapViewport } from '../map/map-layer';
import { BuildingsRepository } from './buildings.repository';
import { buildingFiltersOf, type BuildingFiltersQuery } from './dto/building-filters.query';

/**
 * The buildings' map layer (docs/map.md): the list's filters and rule (BuildingsPolicy.readable),
 * coloured by reuse stage, named by name. Exported by BuildingsModule for modules/map.
 */
@Injectable()
export class BuildingsMapLayer implements MapLayerSource<BuildingFiltersQuery & MapViewport> {
  readonly layer = 'buildings' as const;
  readonly categoryColumn = 'stage';
  readonly categories = REUSE_STAGES;
  readonly labelColumn = 'name';

  constructor(private readonly buildings: BuildingsRepository) {}

  async filtered(scope: AccessScope, query: BuildingFiltersQuery & MapViewport, alias: string) {
    return this.buildings.filtered(scope, buildingFiltersOf(query), alias);
  }
}
