import { Injectable } from '@nestjs/common';
import type { ScopedTx } from '../../common/access/scoped-data';
import { type BoundaryOf, touchingPairs } from '../../common/geo/neighbours';
import type { ParsedMunicipality, ParsedSocialArea } from './territory-files';

export interface UpsertCounts {
  created: number;
  updated: number;
}

/**
 * The writes of a territory import, all inside the caller's transaction, each one statement for
 * the whole file (rows travel as one jsonb parameter: no parameter limit, one round trip). An
 * import is a platform operation (an admin, the CLI or the demo seeder, possibly creating the
 * tenant in the same transaction), so these statements take the door's exit.
 */
@Injectable()
export class TerritoryImportRepository {
  async counts(tx: ScopedTx, tenantId: string): Promise<{ socialAreas: number; municipalities: number }> {
    const [row]: { socialAreas: number; municipalities: number }[] = await tx
      .unscoped('territory import: counts of the tenant being imported')
      .query(
        `SELECT (SELECT count(*)::int FROM social_areas WHERE tenant_id = $1) AS "socialAreas",
              (SELECT count(*)::int FROM municipalities WHERE tenant_id = $1) AS "municipalities"`,
        [tenantId],
      );
    return row;
  }

  /** Current social area of each municipality of the tenant: ISTAT code → social area code (null when none). */
  async memberships(tx: ScopedTx, tenantId: string): Promise<Map<string, string | null>> {
    const rows: { istatCode: string; code: string | null }[] = await tx
      .unscoped('territory import: memberships of the tenant being imported')
      .query(
        `SELECT m.istat_code AS "istatCode", sa.code FROM municipalities m LEFT JOIN social_areas sa ON sa.id = m.social_area_id WHERE m.tenant_id = $1`,
        [tenantId],
      );
    return new Map(rows.map((r) => [r.istatCode, r.code]));
  }

  /** Inserts new social areas and renames existing ones; unchanged rows keep their version. */
  async upsertSocialAreas(tx: ScopedTx, tenantId: string, areas: ParsedSocialArea[], actorId: string | null): Promise<UpsertCounts> {
    const rows: { created: boolean }[] = await tx.unscoped('territory import: upserts the social areas of the file').query(
      `INSERT INTO social_areas (tenant_id, code, name, created_by, updated_by)
       SELECT $1, r.code, r.name, $3, $3 FROM jsonb_to_recordset($2::jsonb) AS r(code text, name text)
       ON CONFLICT (tenant_id, code) DO UPDATE
          SET name = EXCLUDED.name, updated_at = now(), updated_by = EXCLUDED.updated_by, version = social_areas.version + 1
        WHERE social_areas.name IS DISTINCT FROM EXCLUDED.name
       RETURNING (xmax = 0) AS created`,
      [tenantId, JSON.stringify(areas), actorId],
    );
    return count(rows);
  }

  /**
   * Inserts new municipalities and updates the data of existing ones (name, population, area,
   * point, boundaries, bbox); unchanged rows keep their version. An existing municipality keeps
   * the social area a coordinator may have given it, unless `overwriteMemberships`.
   */
  async upsertMunicipalities(
    tx: ScopedTx,
    tenantId: string,
    municipalities: ParsedMunicipality[],
    actorId: string | null,
    overwriteMemberships: boolean,
  ): Promise<UpsertCounts> {
    const records = municipalities.map((m) => ({
      istat_code: m.istatCode,
      name: m.name,
      province_code: m.provinceCode,
      cadastral_code: m.cadastralCode,
      population: m.population,
      population_year: m.populationYear,
      area_km2: m.areaKm2,
      lat: m.lat,
      lon: m.lon,
      boundary: m.boundary,
      boundary_simplified: m.boundarySimplified,
      min_lon: m.bbox[0],
      min_lat: m.bbox[1],
      max_lon: m.bbox[2],
      max_lat: m.bbox[3],
      social_area_code: m.socialAreaCode,
    }));
    const data = [
      'name',
      'province_code',
      'cadastral_code',
      'population',
      'population_year',
      'area_km2',
      'lat',
      'lon',
      'boundary',
      'boundary_simplified',
      'min_lon',
      'min_lat',
      'max_lon',
      'max_lat',
    ];
    const rows: { created: boolean }[] = await tx.unscoped('territory import: upserts the municipalities of the file').query(
      `INSERT INTO municipalities (tenant_id, istat_code, ${data.join(', ')}, social_area_id, created_by, updated_by)
       SELECT $1, r.istat_code, ${data.map((c) => `r.${c}`).join(', ')}, sa.id, $3, $3
         FROM jsonb_to_recordset($2::jsonb) AS r(
                istat_code text, name text, province_code text, cadastral_code text, population int, population_year smallint,
                area_km2 numeric, lat double precision, lon double precision, boundary jsonb, boundary_simplified jsonb,
                min_lon double precision, min_lat double precision, max_lon double precision, max_lat double precision, social_area_code text)
         LEFT JOIN social_areas sa ON sa.tenant_id = $1 AND sa.code = r.social_area_code
       ON CONFLICT (tenant_id, istat_code) DO UPDATE
          SET ${data.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
              social_area_id = CASE WHEN $4::boolean THEN EXCLUDED.social_area_id
                                    ELSE COALESCE(municipalities.social_area_id, EXCLUDED.social_area_id) END,
              updated_at = now(), updated_by = EXCLUDED.updated_by, version = municipalities.version + 1
        WHERE (${data.map((c) => `municipalities.${c}`).join(', ')}) IS DISTINCT FROM (${data.map((c) => `EXCLUDED.${c}`).join(', ')})
           OR municipalities.social_area_id IS DISTINCT FROM
              CASE WHEN $4::boolean THEN EXCLUDED.social_area_id ELSE COALESCE(municipalities.social_area_id, EXCLUDED.social_area_id) END
       RETURNING (xmax = 0) AS created`,
      [tenantId, JSON.stringify(records), actorId, overwriteMemberships],
    );
    return count(rows);
  }

  /**
   * Residents per municipality and year: the file's own figure (its population year) and the
   * extra years of `population-sources.csv`; a year already stored is overwritten by the file.
   */
  async upsertPopulations(
    tx: ScopedTx,
    tenantId: string,
    entries: { istatCode: string; year: number; population: number; source: string }[],
  ): Promise<number> {
    if (entries.length === 0) return 0;
    const rows: unknown[] = await tx.unscoped('territory import: population figures of the municipalities of the file').query(
      `INSERT INTO municipality_populations (tenant_id, municipality_id, year, population, source)
       SELECT $1, m.id, r.year, r.population, r.source
         FROM jsonb_to_recordset($2::jsonb) AS r(istat_code text, year smallint, population int, source text)
         JOIN municipalities m ON m.tenant_id = $1 AND m.istat_code = r.istat_code
       ON CONFLICT (tenant_id, municipality_id, year) DO UPDATE SET population = EXCLUDED.population, source = EXCLUDED.source
       RETURNING 1`,
      [
        tenantId,
        JSON.stringify(entries.map((e) => ({ istat_code: e.istatCode, year: e.year, population: e.population, source: e.source }))),
      ],
    );
    return rows.length;
  }

  /** The default indicator definitions of the tenant (the migration's SQL function; existing codes are kept). */
  async seedIndicatorDefinitions(tx: ScopedTx, tenantId: string): Promise<number> {
    const [row]: { n: number }[] = await tx
      .unscoped('territory import: the default indicator definitions of a new or re-imported tenant')
      .query(`SELECT trama_seed_indicator_definitions($1) AS n`, [tenantId]);
    return row.n;
  }

  /**
   * The municipalities that touch (`municipality_neighbours`, both directions), recomputed from the
   * boundaries of the whole tenant after an import (common/geo/neighbours.ts). Returns the pairs.
   */
  async replaceNeighbours(tx: ScopedTx, tenantId: string): Promise<number> {
    const boundaries: BoundaryOf[] = await tx
      .unscoped('territory import: the boundaries of the tenant being imported, for its neighbouring municipalities')
      .query(
        `SELECT id, boundary, boundary_simplified AS simplified, min_lon, min_lat, max_lon, max_lat FROM municipalities WHERE tenant_id = $1`,
        [tenantId],
      );
    const pairs = touchingPairs(boundaries);
    await tx
      .unscoped('territory import: replaces the neighbouring municipalities of the tenant being imported')
      .query(`DELETE FROM municipality_neighbours WHERE tenant_id = $1`, [tenantId]);
    if (pairs.length > 0) {
      await tx.unscoped('territory import: replaces the neighbouring municipalities of the tenant being imported').query(
        `INSERT INTO municipality_neighbours (tenant_id, municipality_id, neighbour_id)
           SELECT $1::uuid, a, b FROM unnest($2::uuid[], $3::uuid[]) AS p(a, b)
           UNION SELECT $1::uuid, b, a FROM unnest($2::uuid[], $3::uuid[]) AS p(a, b)`,
        [tenantId, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
    }
    return pairs.length;
  }
}

function count(rows: { created: boolean }[]): UpsertCounts {
  const created = rows.filter((r) => r.created).length;
  return { created, updated: rows.length - created };
}
