import { Injectable } from '@nestjs/common';
import { REUSE_SCORE_BAND_MIN, REUSE_SCORE_BANDS } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { BuildingFiltersQuery } from '../buildings/dto/building-filters.query';
import type { MapLayerSource, MapViewport } from '../map/map-layer';
import { ReuseService } from './reuse.service';

const { very_high: VERY_HIGH, high: HIGH, medium: MEDIUM } = REUSE_SCORE_BAND_MIN;

/**
 * The reuse-potential ranking as a map layer (docs/reuse.md, "The ranking on the map"): the
 * ranking's buildings and rule (`GET /api/reuse/buildings`: the register's filters, in the caller's
 * own territory), coloured by the band of their stored score, `unscored` for a building the last
 * recompute did not score. Not in the map's whole-tenant cell cache (`cached: false`): its query reads
 * the stored scores and the innovators' assignments, which `map_versions` does not follow; a
 * recompute shows at the next request. Exported by ReuseModule for modules/map.
 */
@Injectable()
export class ReuseMapLayer implements MapLayerSource<BuildingFiltersQuery & MapViewport> {
  readonly layer = 'reuse' as const;
  readonly categoryColumn = 'band';
  readonly categories = REUSE_SCORE_BANDS;
  readonly categoryExpression = `CASE WHEN rs.score IS NULL THEN 'unscored' WHEN rs.score >= ${VERY_HIGH} THEN 'very_high' WHEN rs.score >= ${HIGH} THEN 'high' WHEN rs.score >= ${MEDIUM} THEN 'medium' ELSE 'low' END`;
  readonly scoreExpression = 'rs.score::int';
  readonly cached = false;
  readonly labelColumn = 'name';

  constructor(private readonly reuse: ReuseService) {}

  async filtered(scope: AccessScope, query: BuildingFiltersQuery & MapViewport, alias: string) {
    return this.reuse.rankedOnMap(scope, query, alias);
  }
}
