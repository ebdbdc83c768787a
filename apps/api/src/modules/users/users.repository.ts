import { Injectable } from '@nestjs/common';
import type { Role } from '@trama/contracts';
import type { MunicipalityRefDto } from '../../common/http/refs.dto';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { ScopeViolation } from '../../common/access/scope-rules';
import { containsPattern } from '../../common/database/like';
import { TenantsPolicy } from '../tenants/tenants.policy';
import { TerritoryPolicy } from '../territory/territory.policy';
import { UserMunicipality } from './user-municipality.entity';
import { User } from './user.entity';
import { UsersPolicy } from './users.policy';

/** A user with what its DTOs need (tenant, territory), read in one query. */
export interface UserProfileRow {
  id: string;
  tenantId: string | null;
  tenantIstat: string | null;
  tenantName: string | null;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  hiredOn: string | null;
  contractEnd: string | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
  scopeMunicipalityId: string | null;
  scopeSocialAreaId: string | null;
  territoryCode: string | null;
  territoryName: string | null;
}

export interface UserListFilter {
  role?: Role;
  q?: string;
  active?: boolean;
  tenantIstat?: string;
  offset: number;
  limit: number;
}

export interface NewUser {
  /** the user's tenant (null: a platform admin); the door refuses one the caller cannot reach */
  tenantId: string | null;
  email: string;
  fullName: string;
  role: Role;
  passwordHash: string;
  /** a password chosen by the coordinator or admin is temporary: changed at the first sign-in, expiring then */
  temporaryPasswordExpiresAt: Date;
  hiredOn: string | null;
  contractEnd: string | null;
  scopeMunicipalityId: string | null;
  scopeSocialAreaId: string | null;
}

export type UserChanges = Partial<
  Pick<User, 'fullName' | 'active' | 'hiredOn' | 'contractEnd' | 'scopeMunicipalityId' | 'scopeSocialAreaId'>
>;

/** The door, or its handle inside a transaction (reads that must see the transaction's writes). */
type Reads = ScopedData | ScopedTx;

/**
 * TypeORM queries on users and their assignments, each built through the door with the users'
 * policy (`users.policy.ts`); tenants, municipalities and social areas are reached through their
 * features' policies. Writes take the door's transaction handle: the tenant is bound and checked
 * by the door, the author stamped.
 */
@Injectable()
export class UsersRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: UsersPolicy,
    private readonly territoryPolicy: TerritoryPolicy,
    private readonly tenantsPolicy: TenantsPolicy,
  ) {}

  private profiles(scope: AccessScope, reads: Reads = this.door) {
    // the user's tenant, municipality and social area: joined through their features' policies
    return reads
      .select(scope, this.policy.users, 'u')
      .leftJoinSource(this.tenantsPolicy.tenants, 't', 't.tenant_id = u.tenant_id')
      .leftJoinSource(this.territoryPolicy.municipalities, 'sm', 'sm.id = u.scope_municipality_id AND sm.tenant_id = u.tenant_id')
      .leftJoinSource(this.territoryPolicy.socialAreas, 'sa', 'sa.id = u.scope_social_area_id AND sa.tenant_id = u.tenant_id')
      .select('u.id', 'id')
      .addSelect('u.tenant_id', 'tenantId')
      .addSelect('t.istat_code', 'tenantIstat')
      .addSelect('t.name', 'tenantName')
      .addSelect('u.email', 'email')
      .addSelect('u.full_name', 'fullName')
      .addSelect('u.role', 'role')
      .addSelect('u.active', 'active')
      .addSelect(`to_char(u.hired_on, 'YYYY-MM-DD')`, 'hiredOn')
      .addSelect(`to_char(u.contract_end, 'YYYY-MM-DD')`, 'contractEnd')
      .addSelect('u.last_login_at', 'lastLoginAt')
      .addSelect('u.created_at', 'createdAt')
      .addSelect('u.version', 'version')
      .addSelect('u.scope_municipality_id', 'scopeMunicipalityId')
      .addSelect('u.scope_social_area_id', 'scopeSocialAreaId')
      .addSelect('COALESCE(sm.istat_code, sa.code)', 'territoryCode')
      .addSelect('COALESCE(sm.name, sa.name)', 'territoryName');
  }

  /** One user the scope can reach, or null (unknown and out of scope look the same). */
  async findInScope(scope: AccessScope, id: string, reads?: Reads): Promise<UserProfileRow | null> {
    const row = await this.profiles(scope, reads).andWhere('u.id = :id', { id }).getRawOne<UserProfileRow>();
    return row ?? null;
  }

  async listInScope(scope: AccessScope, filter: UserListFilter): Promise<{ rows: UserProfileRow[]; total: number }> {
    const qb = this.profiles(scope);
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.tenantIstat) qb.andWhere('t.istat_code = :tenantIstat', { tenantIstat: filter.tenantIstat });
    if (filter.q) {
      qb.andWhere(`(unaccent(lower(u.full_name)) LIKE unaccent(lower(:q)) OR unaccent(lower(u.email)) LIKE unaccent(lower(:q)))`, {
        q: containsPattern(filter.q),
      });
    }
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('u.full_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .offset(filter.offset)
      .limit(filter.limit)
      .getRawMany<UserProfileRow>();
    return { rows, total };
  }

  /** Assigned municipalities of the given users (innovators), by user id, sorted by name. */
  async assignedMunicipalities(
    scope: AccessScope,
    userIds: string[],
    reads: Reads = this.door,
  ): Promise<Map<string, MunicipalityRefDto[]>> {
    const out = new Map<string, MunicipalityRefDto[]>();
    if (userIds.length === 0) return out;
    const rows = await reads
      .select(scope, this.policy.assignments, 'um')
      .innerJoinSource(this.territoryPolicy.municipalities, 'm', 'm.id = um.municipality_id AND m.tenant_id = um.tenant_id')
      .select('um.user_id', 'userId')
      .addSelect('m.istat_code', 'istatCode')
      .addSelect('m.name', 'name')
      .andWhere('um.user_id IN (:...userIds)', { userIds })
      .orderBy('m.name', 'ASC')
      .addOrderBy('m.istat_code', 'ASC')
      .getRawMany<{ userId: string; istatCode: string; name: string }>();
    for (const row of rows) {
      const list = out.get(row.userId) ?? [];
      list.push({ istatCode: row.istatCode, name: row.name });
      out.set(row.userId, list);
    }
    return out;
  }

  /**
   * Municipalities of the target tenant with these ISTAT codes, among those the caller may see.
   * `tenantId` selects the tenant the user belongs to (an admin spans tenants).
   */
  async findMunicipalities(
    scope: AccessScope,
    tenantId: string,
    istatCodes: readonly string[],
    reads: Reads = this.door,
  ): Promise<{ id: string; istatCode: string }[]> {
    if (istatCodes.length === 0) return [];
    return reads
      .select(scope, this.territoryPolicy.municipalities, 'm')
      .select('m.id', 'id')
      .addSelect('m.istat_code', 'istatCode')
      .andWhere('m.tenant_id = :targetTenant', { targetTenant: tenantId })
      .andWhere('m.istat_code IN (:...istatCodes)', { istatCodes })
      .getRawMany<{ id: string; istatCode: string }>();
  }

  /** The social area of the target tenant with this code (see findMunicipalities for `tenantId`). */
  async findSocialArea(scope: AccessScope, tenantId: string, code: string): Promise<{ id: string } | null> {
    const row = await this.door
      .select(scope, this.territoryPolicy.socialAreas, 'sa')
      .select('sa.id', 'id')
      .andWhere('sa.tenant_id = :targetTenant', { targetTenant: tenantId })
      .andWhere('sa.code = :code', { code })
      .getRawOne<{ id: string }>();
    return row ?? null;
  }

  /**
   * Inserts a user in `user.tenantId` (which the door checks the caller reaches; null, a platform
   * admin, only for admins) with the caller as author; null when the email is already taken
   * (emails are unique across the platform: ON CONFLICT DO NOTHING, so no failed query carries the hash).
   */
  async insert(tx: ScopedTx, scope: AccessScope, user: NewUser): Promise<string | null> {
    const [row] = await tx.insert<User, { id: string }>(scope, User, user, { orIgnore: true, returning: 'id' });
    return row?.id ?? null;
  }

  /** Optimistic-locked update of a user read through the scope: stale version → STALE_VERSION, nothing written. */
  async updateVersioned(
    tx: ScopedTx,
    scope: AccessScope,
    user: Pick<UserProfileRow, 'id' | 'tenantId'>,
    version: number,
    changes: UserChanges,
  ): Promise<void> {
    await tx.updateVersioned(scope, User, { id: user.id, tenantId: user.tenantId, version }, changes);
  }

  /**
   * Replaces an innovator's assignments with the given municipalities. Bound to the tenant through
   * the door: the user's tenant is read through the users' policy (a user the caller cannot see
   * is refused before anything is written), the delete is bound to that tenant, and every
   * municipality must be one of that tenant's that the caller may see.
   */
  async replaceAssignments(tx: ScopedTx, scope: AccessScope, userId: string, municipalityIds: readonly string[]): Promise<void> {
    const user = await tx
      .select(scope, this.policy.users, 'u')
      .select('u.tenant_id', 'tenantId')
      .andWhere('u.id = :assignedUser', { assignedUser: userId })
      .andWhere("u.role = 'innovator'")
      .getRawOne<{ tenantId: string }>();
    if (!user) throw new ScopeViolation(`assignments of user ${userId}: not an innovator the caller may reach`);
    const tenantId = user.tenantId;
    const ids = [...new Set(municipalityIds)];
    if (ids.length > 0) {
      const found = await tx
        .select(scope, this.territoryPolicy.municipalities, 'm')
        .select('m.id', 'id')
        .andWhere('m.tenant_id = :assignmentTenant', { assignmentTenant: tenantId })
        .andWhere('m.id IN (:...assignmentMunicipalities)', { assignmentMunicipalities: ids })
        .getRawMany<{ id: string }>();
      if (found.length !== ids.length) throw new ScopeViolation(`assignments of user ${userId}: municipalities outside the user's tenant`);
    }
    await tx.delete(scope, UserMunicipality, { tenantId, userId });
    if (ids.length === 0) return;
    await tx.insert(
      scope,
      UserMunicipality,
      ids.map((municipalityId) => ({ tenantId, userId, municipalityId, assignedBy: scope.actor.id })),
    );
  }
}
