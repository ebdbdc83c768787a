import { Injectable } from '@nestjs/common';
import { ACTIVITY_TYPES } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { MapLayerSource, MapViewport } from '../map/map-layer';
import { ActivitiesRepository } from './activities.repository';
import { activityFiltersOf, type ActivityFiltersQuery } from './dto/activity-filters.query';

/**
 * The activities' map layer: the list's filters and rule (ActivitiesPolicy.readable: a
 * municipality user sees the approved activities of their territory, exactly as in the list),
 * coloured by type, named by title. Exported by ActivitiesModule for modules/map.
 */
@Injectable()
export class ActivitiesMapLayer implements MapLayerSource<ActivityFiltersQuery & MapViewport> {
  readonly layer = 'activities' as const;
  readonly categoryColumn = 'type';
  readonly categories = ACTIVITY_TYPES;
  readonly labelColumn = 'title';

  constructor(private readonly activities: ActivitiesRepository) {}

  filtered(scope: AccessScope, query: ActivityFiltersQuery & MapViewport, alias: string) {
    return this.activities.filtered(scope, activityFiltersOf(query), alias);
  }
}
