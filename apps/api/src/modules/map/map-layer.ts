import type { MapLayer } from '@trama/contracts';
import type { ObjectLiteral } from 'typeorm';
import type { AccessScope } from '../../common/access/access-scope';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';

/** What every layer query carries besides the register's own filters. */
export interface MapViewport {
  /** minLon,minLat,maxLon,maxLat (validated by the layer's DTO) */
  bbox: string;
  zoom: number;
}

/**
 * A register's map layer (docs/map.md, "Adding a layer"): the register's module provides it and
 * exports it; the map module draws it. The map never names the register's table nor re-derives
 * its rule: it selects points or grid cells from `filtered`, the very query the register's list
 * counts, so the map's counts are the list's.
 *
 * The records carry their point in `lat` / `lon` (double precision, both null or both set).
 */
export interface MapLayerSource<Q extends MapViewport = MapViewport> {
  readonly layer: MapLayer;
  /** the column (on the alias) that colours a point: buildings `stage`, organizations `kind`, initiatives `status`, activities `type` */
  readonly categoryColumn: string;
  /** the category's vocabulary (libs/contracts): the clusters count each one */
  readonly categories: readonly string[];
  /**
   * Instead of `a.<categoryColumn>`: an SQL expression of the category on the alias `a` and the
   * joins `filtered` adds (the reuse layer: a CASE on the stored score). Vocabulary codes only.
   */
  readonly categoryExpression?: string;
  /** An SQL expression (on `a` and `filtered`'s joins) of a number each record carries as `properties.score` (the reuse layer). */
  readonly scoreExpression?: string;
  /**
   * false: never from the whole-tenant cell cache (docs/map.md): a layer whose query reads tables
   * `map_versions` does not follow (the reuse layer: the scores, the innovators' assignments).
   */
  readonly cached?: boolean;
  /** the column (on the alias) shown as the point's name: a building's or organization's `name`, an activity's or initiative's `title` */
  readonly labelColumn: string;
  /**
   * The records the caller may read (the register's policy, through the door) that match the
   * layer's filters, the `bbox` included (applied by the register's one filter function, as its
   * list applies it), on `alias`, selecting nothing yet.
   */
  filtered(scope: AccessScope, query: Q, alias: string): Promise<ScopedSelectQueryBuilder<ObjectLiteral>>;
}
