import { Injectable } from '@nestjs/common';
import type { ReferenceKind } from '@trama/contracts';
import { REFERENCE_ACTIVITY_DAYS } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { ActivitiesPolicy } from '../activities/activities.policy';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { INITIATIVE_MUNICIPALITIES, InitiativesPolicy } from '../initiatives/initiatives.policy';
import { OrganizationsPolicy } from '../organizations/organizations.policy';
import { TerritoryPolicy } from '../territory/territory.policy';
import { SyncDevice } from './sync-device.entity';

/** Where a page starts: after (updatedAt, id); `updatedAt` null: from the first row. */
export interface KeysetPosition {
  updatedAt: string | null;
  id: string;
}

/** A row of any kind: its own fields, plus the keyset (updated_at with microseconds, UTC). */
export type ReferenceRow = Record<string, unknown> & { id: string; updatedAt: string };

/** `updated_at` as text with its microseconds: a JS Date would cut them and the keyset would skip or repeat rows. */
const UPDATED_AT = `to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Field mode's reference data, each kind through its own feature's policy (never a table name): an
 * innovator's assigned municipalities (TerritoryPolicy.assignedMunicipalities); the organizations and
 * buildings of those municipalities (their `readable` / `territorial` rule narrowed by the door's
 * `assigned` territory); the initiatives with at least one of them (`readable` plus the `assigned`
 * territory through `initiative_municipalities`); their own activities of the last 90 days
 * (ActivitiesPolicy.readable plus the author). Every query is bound by the door to the caller's tenant.
 */
@Injectable()
export class SyncRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly territoryPolicy: TerritoryPolicy,
    private readonly organizationsPolicy: OrganizationsPolicy,
    private readonly buildingsPolicy: BuildingsPolicy,
    private readonly initiativesPolicy: InitiativesPolicy,
    private readonly activitiesPolicy: ActivitiesPolicy,
  ) {}

  /** The kind's rows in the caller's reference scope, on alias `r`. */
  private inScope(scope: AccessScope, kind: ReferenceKind): ScopedSelectQueryBuilder<object> {
    switch (kind) {
      case 'municipalities':
        return this.door.select(scope, this.territoryPolicy.assignedMunicipalities, 'r');
      case 'organizations':
        return this.door
          .select(scope, this.organizationsPolicy.readable, 'r')
          .andWhereRule('r', { municipality: 'r.municipality_id', rule: 'assigned' })
          .andWhere('r.merged_into IS NULL');
      case 'buildings':
        return this.door.select(scope, this.buildingsPolicy.territorial, 'r');
      case 'initiatives':
        return this.door
          .select(scope, this.initiativesPolicy.readable, 'r')
          .andWhereRule('r', { through: INITIATIVE_MUNICIPALITIES, rule: 'assigned' });
      case 'activities':
        return this.door
          .select(scope, this.activitiesPolicy.readable, 'r')
          .andWhere('r.author_id = :syncAuthor', { syncAuthor: scope.actor.id })
          .andWhere(`r.date >= (now() AT TIME ZONE 'Europe/Rome')::date - ${REFERENCE_ACTIVITY_DAYS}`);
    }
  }

  /** The fields the phone keeps of each kind (what the pickers and the offline lists show). */
  private fields(qb: ScopedSelectQueryBuilder<object>, kind: ReferenceKind): void {
    qb.select('r.id', 'id').addSelect('r.version', 'version').addSelect(UPDATED_AT, 'updatedAt');
    switch (kind) {
      case 'municipalities':
        qb.addSelect('r.istat_code', 'istatCode')
          .addSelect('r.name', 'name')
          .addSelect('coalesce(r.boundary_simplified, r.boundary)', 'boundary');
        return;
      case 'organizations':
        qb.addSelect('r.name', 'name').addSelect('r.kind', 'kind').addSelect('r.municipality_id', 'municipalityId');
        return;
      case 'buildings':
        qb.addSelect('r.name', 'name').addSelect('r.address', 'address').addSelect('r.municipality_id', 'municipalityId');
        return;
      case 'initiatives':
        qb.addSelect('r.title', 'title').addSelect('r.status', 'status').addSelect('r.municipality_id', 'municipalityId');
        return;
      case 'activities':
        qb.addSelect('r.date::text', 'date')
          .addSelect('r.type', 'type')
          .addSelect('r.title', 'title')
          .addSelect('r.status', 'status')
          .addSelect('r.municipality_id', 'municipalityId');
        return;
    }
  }

  /**
   * One page of the kind's rows changed after `after` (keyset on (updated_at, id): rows written in
   * one transaction share updated_at, so the id breaks the tie), at most `limit`.
   */
  async changedSince(scope: AccessScope, kind: ReferenceKind, after: KeysetPosition, limit: number): Promise<ReferenceRow[]> {
    const qb = this.inScope(scope, kind);
    this.fields(qb, kind);
    if (after.updatedAt !== null) {
      qb.andWhere('(r.updated_at, r.id) > (CAST(:syncAfterAt AS timestamptz), CAST(:syncAfterId AS uuid))', {
        syncAfterAt: after.updatedAt,
        syncAfterId: after.id,
      });
    }
    return qb.orderBy('r.updated_at').addOrderBy('r.id').limit(limit).getRawMany<ReferenceRow>();
  }

  /** The ids of every row of the kind in scope now, sorted (the phone drops what is not among them). */
  async membership(scope: AccessScope, kind: ReferenceKind): Promise<string[]> {
    const rows = await this.inScope(scope, kind).select('r.id', 'id').orderBy('r.id').getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /**
   * Stamps the device's last successful sync (a delete and an insert in one transaction: the door
   * writes no upserts; two concurrent rounds of one device keep one row, the other's insert is ignored).
   * Bookkeeping of a read, like the sign-in devices: not audited.
   */
  async recordSync(scope: AccessScope, deviceId: string, at: Date): Promise<void> {
    await this.door.transaction(async (tx) => {
      await tx.delete(scope, SyncDevice, { userId: scope.actor.id, deviceId });
      await tx.insert(scope, SyncDevice, { userId: scope.actor.id, deviceId, lastSyncAt: at }, { orIgnore: true });
    });
  }
}
