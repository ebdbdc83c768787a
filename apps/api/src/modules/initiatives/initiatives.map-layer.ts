import { Injectable } from '@nestjs/common';
import { INITIATIVE_STATUSES } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { MapLayerSource, MapViewport } from '../map/map-layer';
import type { InitiativeFiltersQuery } from './dto/initiative-filters.query';
import { filtersOf, InitiativesService } from './initiatives.service';

/**
 * The initiatives' map layer (docs/map.md): the list's filters and rule (InitiativesPolicy.readable:
 * a municipality user sees an initiative when ANY of its municipalities is theirs), coloured by
 * status, named by title, drawn at the initiative's own point. Exported by InitiativesModule for modules/map.
 */
@Injectable()
export class InitiativesMapLayer implements MapLayerSource<InitiativeFiltersQuery & MapViewport> {
  readonly layer = 'initiatives' as const;
  readonly categoryColumn = 'status';
  readonly categories = INITIATIVE_STATUSES;
  readonly labelColumn = 'title';

  constructor(private readonly initiatives: InitiativesService) {}

  async filtered(scope: AccessScope, query: InitiativeFiltersQuery & MapViewport, alias: string) {
    return this.initiatives.filtered(scope, filtersOf(query), alias);
  }
}
