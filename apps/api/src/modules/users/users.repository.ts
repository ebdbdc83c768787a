import { Injectable } from '@nestjs/common';
import type { MunicipalityRef, Role } from '@trama/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/access/access-scope';
import { updateVersioned } from '../../common/database/versioned-update';
import { Tenant } from '../tenants/tenant.entity';
import { Municipality } from '../territory/municipality.entity';
import { SocialArea } from '../territory/social-area.entity';
import { UserMunicipality } from './user-municipality.entity';
import { User } from './user.entity';

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
  tenantId: string | null;
  email: string;
  fullName: string;
  role: Role;
  passwordHash: string;
  hiredOn: string | null;
  contractEnd: string | null;
  scopeMunicipalityId: string | null;
  scopeSocialAreaId: string | null;
  createdBy: string | null;
}

export type UserChanges = Partial<
  Pick<User, 'fullName' | 'active' | 'hiredOn' | 'contractEnd' | 'scopeMunicipalityId' | 'scopeSocialAreaId' | 'updatedBy'>
>;

/** Escapes LIKE wildcards so a search for `50%` matches the text `50%`. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** TypeORM queries on users and their assignments. Every read goes through `scope.apply`. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private em(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  private profiles(scope: AccessScope, manager?: EntityManager) {
    const qb = this.em(manager)
      .createQueryBuilder(User, 'u')
      .leftJoin(Tenant, 't', 't.tenant_id = u.tenant_id')
      .leftJoin(Municipality, 'sm', 'sm.id = u.scope_municipality_id')
      .leftJoin(SocialArea, 'sa', 'sa.id = u.scope_social_area_id')
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
    return scope.apply(qb, 'u');
  }

  /** One user the scope can reach, or null (unknown and out of scope look the same). */
  async findInScope(scope: AccessScope, id: string, manager?: EntityManager): Promise<UserProfileRow | null> {
    const row = await this.profiles(scope, manager).andWhere('u.id = :id', { id }).getRawOne<UserProfileRow>();
    return row ?? null;
  }

  async listInScope(scope: AccessScope, filter: UserListFilter): Promise<{ rows: UserProfileRow[]; total: number }> {
    const qb = this.profiles(scope);
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter.tenantIstat) qb.andWhere('t.istat_code = :tenantIstat', { tenantIstat: filter.tenantIstat });
    if (filter.q) {
      qb.andWhere(`(unaccent(lower(u.full_name)) LIKE unaccent(lower(:q)) OR unaccent(lower(u.email)) LIKE unaccent(lower(:q)))`, {
        q: likePattern(filter.q),
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
  async assignedMunicipalities(scope: AccessScope, userIds: string[], manager?: EntityManager): Promise<Map<string, MunicipalityRef[]>> {
    const out = new Map<string, MunicipalityRef[]>();
    if (userIds.length === 0) return out;
    const qb = this.em(manager)
      .createQueryBuilder(UserMunicipality, 'um')
      .innerJoin(Municipality, 'm', 'm.id = um.municipality_id')
      .select('um.user_id', 'userId')
      .addSelect('m.istat_code', 'istatCode')
      .addSelect('m.name', 'name')
      .where('um.user_id IN (:...userIds)', { userIds });
    scope.apply(qb, 'um');
    const rows = await qb
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

  /** The tenant with this ISTAT code, if the scope reaches it. */
  async findTenantByIstat(scope: AccessScope, istatCode: string): Promise<{ id: string; istatCode: string; name: string } | null> {
    const qb = this.em()
      .createQueryBuilder(Tenant, 't')
      .select('t.tenant_id', 'id')
      .addSelect('t.istat_code', 'istatCode')
      .addSelect('t.name', 'name')
      .where('t.istat_code = :istatCode', { istatCode });
    const row = await scope.apply(qb, 't').getRawOne<{ id: string; istatCode: string; name: string }>();
    return row ?? null;
  }

  /**
   * Municipalities of the target tenant with these ISTAT codes. `tenantId` selects the tenant the
   * user belongs to (an admin spans tenants); `scope.apply` still decides what the caller may reach.
   */
  async findMunicipalities(
    scope: AccessScope,
    tenantId: string,
    istatCodes: readonly string[],
    manager?: EntityManager,
  ): Promise<{ id: string; istatCode: string }[]> {
    if (istatCodes.length === 0) return [];
    const qb = this.em(manager)
      .createQueryBuilder(Municipality, 'm')
      .select('m.id', 'id')
      .addSelect('m.istat_code', 'istatCode')
      .where('m.tenant_id = :targetTenant', { targetTenant: tenantId })
      .andWhere('m.istat_code IN (:...istatCodes)', { istatCodes });
    return scope.apply(qb, 'm').getRawMany<{ id: string; istatCode: string }>();
  }

  /** The social area of the target tenant with this code (see findMunicipalities for `tenantId`). */
  async findSocialArea(scope: AccessScope, tenantId: string, code: string): Promise<{ id: string } | null> {
    const qb = this.em()
      .createQueryBuilder(SocialArea, 'sa')
      .select('sa.id', 'id')
      .where('sa.tenant_id = :targetTenant', { targetTenant: tenantId })
      .andWhere('sa.code = :code', { code });
    const row = await scope.apply(qb, 'sa').getRawOne<{ id: string }>();
    return row ?? null;
  }

  /** Inserts a user; null when the email is already taken (emails are unique across the platform). */
  async insert(manager: EntityManager, user: NewUser): Promise<string | null> {
    const result = await manager.createQueryBuilder().insert().into(User).values(user).orIgnore().returning('id').execute();
    return (result.raw as { id: string }[])[0]?.id ?? null;
  }

  /** Optimistic-locked update of a user read through the scope: stale version → STALE_VERSION, nothing written. */
  async updateVersioned(
    manager: EntityManager,
    user: Pick<UserProfileRow, 'id' | 'tenantId'>,
    version: number,
    changes: UserChanges,
  ): Promise<void> {
    await updateVersioned(manager, User, { id: user.id, tenantId: user.tenantId, version }, changes);
  }

  /** Replaces an innovator's assignments with the given municipalities (ids of the user's tenant). */
  async replaceAssignments(
    manager: EntityManager,
    user: { id: string; tenantId: string },
    municipalityIds: readonly string[],
    assignedBy: string,
  ): Promise<void> {
    await manager.createQueryBuilder().delete().from(UserMunicipality).where('user_id = :userId', { userId: user.id }).execute();
    if (municipalityIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(UserMunicipality)
      .values(municipalityIds.map((municipalityId) => ({ userId: user.id, municipalityId, tenantId: user.tenantId, assignedBy })))
      .execute();
  }
}
