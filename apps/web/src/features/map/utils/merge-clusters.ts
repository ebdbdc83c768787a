import { MAP_MAX_ZOOM } from '@trama/contracts';
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { LayerCollection, LayerFeature } from '../api/types';
import { NO_CATEGORY } from './layers';

/**
 * Clusters (or cluster and record) of the server's grid closer than this many screen pixels are
 * drawn as one: the grid puts two clusters close on both sides of a cell border (docs/map.md).
 */
export const MERGE_RADIUS_PX = 40;
/** Leaflet's tiles are 256 px: supercluster's `radius` is relative to its `extent`, so this makes it screen pixels. */
const TILE_EXTENT = 256;

/** What supercluster carries and sums for each server feature (its `map`) and each merge (its `reduce`). */
interface Summed {
  count: number;
  categories: Record<string, number>;
  /** count-weighted sums of the points, for the merged cluster's mean point */
  lonSum: number;
  latSum: number;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  expansionZoom: number;
}

interface Source {
  index: number;
  summed: Summed;
}

function summedOf(feature: LayerFeature, zoom: number): Summed {
  const p = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const [minLon, minLat, maxLon, maxLat] = p.bbox ?? [lon, lat, lon, lat];
  return {
    count: p.count,
    categories: p.cluster ? { ...(p.categories ?? {}) } : { [p.category ?? NO_CATEGORY]: 1 },
    lonSum: lon * p.count,
    latSum: lat * p.count,
    minLon,
    minLat,
    maxLon,
    maxLat,
    expansionZoom: Math.max(zoom + 1, p.expansionZoom ?? zoom + 1),
  };
}

/**
 * Merges the server's clusters closer than MERGE_RADIUS_PX at the answer's zoom with supercluster
 * (a well-kept library; docs/map.md, "Clustering"), over the ≤ ~300 features of a clustered answer:
 * counts and category counts are summed exactly (`map`/`reduce`), so the total, the legend and the
 * list still agree; the merged cluster lies at the mean point of its records, its bbox is the union
 * and it opens by zooming there. A record's `category` counts one in `categories` (`none` when it has none).
 * An answer of single records (not clustered) is returned as it is.
 */
export function mergeNearClusters(collection: LayerCollection): LayerCollection {
  if (!collection.clustered || collection.features.length < 2) return collection;
  const zoom = collection.zoom;
  const index = new Supercluster<Source, Summed>({
    minZoom: zoom,
    maxZoom: zoom,
    radius: MERGE_RADIUS_PX,
    extent: TILE_EXTENT,
    // map must return a new object: reduce mutates it
    map: (props) => ({ ...props.summed, categories: { ...props.summed.categories } }),
    reduce: (acc, props) => {
      acc.count += props.count;
      for (const [category, n] of Object.entries(props.categories)) acc.categories[category] = (acc.categories[category] ?? 0) + n;
      acc.lonSum += props.lonSum;
      acc.latSum += props.latSum;
      acc.minLon = Math.min(acc.minLon, props.minLon);
      acc.minLat = Math.min(acc.minLat, props.minLat);
      acc.maxLon = Math.max(acc.maxLon, props.maxLon);
      acc.maxLat = Math.max(acc.maxLat, props.maxLat);
      acc.expansionZoom = Math.max(acc.expansionZoom, props.expansionZoom);
    },
  });
  index.load(
    collection.features.map((f, i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: f.geometry.coordinates },
      properties: { index: i, summed: summedOf(f, zoom) },
    })),
  );
  const features: LayerFeature[] = index.getClusters([-180, -90, 180, 90], zoom).map((f) => {
    const props = f.properties as Partial<ClusterProperties> & (Source | Summed);
    if (!props.cluster) return collection.features[(props as Source).index];
    const s = props as Summed;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lonSum / s.count, s.latSum / s.count] },
      properties: {
        cluster: true,
        count: s.count,
        categories: s.categories,
        bbox: [s.minLon, s.minLat, s.maxLon, s.maxLat],
        expansionZoom: Math.min(s.expansionZoom, MAP_MAX_ZOOM),
      },
    } as LayerFeature;
  });
  return { ...collection, features };
}
