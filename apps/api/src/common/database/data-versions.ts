import { Injectable } from '@nestjs/common';
import { ScopedData, type ScopedTx } from '../access/scoped-data';

/**
 * The data versions of a tenant (`map_versions`, migrations 1764810000000 and 1764880000000): one number
 * per kind of data, bumped by DEFERRED constraint triggers at the commit of every write that changes it
 * (docs/map.md). A process that keeps something computed from the data (the map's cells, the collaboration
 * model's links and page counts) keeps it with the version it read before computing, and computes again
 * when the version differs.
 */
export const DATA_VERSIONS = [
  'activities',
  'buildings',
  'organizations',
  'initiatives',
  'collaboration_links',
  'collaboration_open',
] as const;
export type DataVersionOf = (typeof DATA_VERSIONS)[number];

const checked = (of: string): DataVersionOf => {
  if (!(DATA_VERSIONS as readonly string[]).includes(of)) throw new Error(`map_versions has no version of ${of}`);
  return of as DataVersionOf;
};

@Injectable()
export class DataVersions {
  constructor(private readonly door: ScopedData) {}

  /** The tenant's version of `of`, with the database's day (the start of today); null when the tenant has no row yet. */
  async read(tenantId: string, of: string): Promise<{ version: string; day: string } | null> {
    const rows: { v: string; day: string }[] = await this.door
      .unscoped('a data version of one tenant: a number and the day, no record')
      .query(`SELECT ${checked(of)}::text AS v, date_trunc('day', now())::text AS day FROM map_versions WHERE tenant_id = $1`, [tenantId]);
    return rows[0] ? { version: rows[0].v, day: rows[0].day } : null;
  }

  /**
   * Bumps the tenant's version of `of` in the caller's transaction, for a change no trigger sees. The row is
   * the tenant's one version row, which every writer of a map layer locks at its commit: bump last.
   */
  async bump(tx: ScopedTx, tenantId: string, of: DataVersionOf): Promise<void> {
    await tx
      .unscoped('a data version of one tenant bumped by the transaction that changed its data, no record')
      .query(
        `INSERT INTO map_versions (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO UPDATE SET ${checked(of)} = nextval('map_version_seq')`,
        [tenantId],
      );
  }
}
