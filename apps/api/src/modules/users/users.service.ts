import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { generateTemporaryPassword, hashPassword } from '../../common/auth/password';
import { CommonErrors } from '../../common/errors/app-error';
import { pageOf } from '../../common/http/pagination';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SessionsService } from '../auth/sessions.service';
import { SignInBackoffService } from '../auth/sign-in-backoff.service';
import { TenantsService } from '../tenants/tenants.service';
import { CredentialsService } from './credentials.service';
import type { AssignMunicipalitiesDto } from './dto/assign-municipalities.dto';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import type { TerritoryRefDto } from './dto/territory-ref.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import type { CreateUserResponseDto, ResetPasswordResponseDto, SessionUserDto, UserResponseDto, UsersPageDto } from './dto/user.response';
import {
  canManageRole,
  canResetPassword,
  employmentDateProblems,
  fieldError,
  missingCodes,
  roleFieldProblems,
  throwIfProblems,
} from './user-rules';
import { UsersErrors } from './users.errors';
import { toSessionUser, toUserDto } from './users.mapper';
import { type UserChanges, type UserProfileRow, UsersRepository } from './users.repository';

const AUDIT_ENTITY = 'user';

/** What the audit log keeps of a user (never secrets). */
function auditView(row: Pick<UserResponseDto, 'email' | 'fullName' | 'role' | 'active' | 'hiredOn' | 'contractEnd' | 'territory'>) {
  return {
    email: row.email,
    fullName: row.fullName,
    role: row.role,
    active: row.active,
    hiredOn: row.hiredOn,
    contractEnd: row.contractEnd,
    territory: row.territory ? { kind: row.territory.kind, code: row.territory.code } : null,
  };
}

/** User management: coordinators within their tenant, admins across tenants. */
@Injectable()
export class UsersService {
  constructor(
    private readonly door: ScopedData,
    private readonly users: UsersRepository,
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionsService,
    private readonly backoff: SignInBackoffService,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listUsers(scope: AccessScope, query: ListUsersQuery): Promise<UsersPageDto> {
    scope.requireRole('coordinator');
    const { rows, total } = await this.users.listInScope(scope, {
      role: query.role,
      q: query.q || undefined,
      active: query.active,
      tenantIstat: query.tenant,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(await this.toDtos(scope, rows), total, query);
  }

  async getUser(scope: AccessScope, id: string): Promise<UserResponseDto> {
    scope.requireRole('coordinator');
    return this.dtoOf(scope, await this.reachable(scope, id));
  }

  /** The signed-in user as the web app sees them (any role: it is their own record). */
  async getSessionUser(scope: AccessScope): Promise<SessionUserDto> {
    const row = await this.users.findInScope(scope, scope.actor.id);
    if (!row) throw CommonErrors.UNAUTHENTICATED();
    const munis = await this.users.assignedMunicipalities(scope, [row.id]);
    return { ...toSessionUser(row, munis.get(row.id) ?? []), passwordChangeRequired: scope.passwordChangeRequired };
  }

  async createUser(scope: AccessScope, dto: CreateUserDto): Promise<CreateUserResponseDto> {
    scope.requireRole('coordinator');
    if (!canManageRole(scope.role, dto.role)) throw UsersErrors.USER_ROLE_NOT_ALLOWED('Coordinators cannot create admins');
    throwIfProblems([
      ...roleFieldProblems(dto.role, dto, { territoryRequired: true }),
      ...employmentDateProblems(dto.hiredOn ?? null, dto.contractEnd ?? null),
    ]);
    const tenantId = await this.targetTenant(scope, dto);
    const municipalities = tenantId ? await this.resolveMunicipalities(scope, tenantId, dto.municipalities ?? []) : [];
    const territory =
      tenantId && dto.territory
        ? await this.resolveTerritory(scope, tenantId, dto.territory)
        : { scopeMunicipalityId: null, scopeSocialAreaId: null };

    const temporaryPassword = dto.password ? undefined : generateTemporaryPassword();
    const passwordHash = await hashPassword(dto.password ?? temporaryPassword!);
    const id = await this.door.transaction(async (tx) => {
      const newId = await this.users.insert(tx, scope, {
        tenantId,
        email: dto.email,
        fullName: dto.fullName,
        role: dto.role,
        passwordHash,
        temporaryPasswordExpiresAt: this.temporaryPasswordExpiry(),
        hiredOn: dto.role === 'innovator' ? (dto.hiredOn ?? null) : null,
        contractEnd: dto.role === 'innovator' ? (dto.contractEnd ?? null) : null,
        ...territory,
      });
      // A taken email inserts nothing (ON CONFLICT DO NOTHING): no failed query, so no log line carrying the password hash.
      // One answer wherever the account is (docs/sign-in.md): e-mails are the platform-wide sign-in name.
      if (!newId)
        throw UsersErrors.USER_EMAIL_TAKEN(undefined, [{ field: 'email', messages: ['This email cannot be used for a new account'] }]);
      if (tenantId && municipalities.length > 0) {
        await this.users.replaceAssignments(
          tx,
          scope,
          newId,
          municipalities.map((m) => m.id),
        );
      }
      const created = await this.dtoOf(scope, (await this.users.findInScope(scope, newId, tx))!, tx);
      await this.audit.record(tx, scope, {
        tenantId,
        entity: AUDIT_ENTITY,
        entityId: newId,
        action: 'create',
        after: {
          ...auditView(created),
          municipalities: created.assignedMunicipalities.map((m) => m.istatCode),
          generatedPassword: temporaryPassword !== undefined,
        },
      });
      return newId;
    });
    const user = await this.getUser(scope, id);
    return temporaryPassword ? { user, temporaryPassword } : { user };
  }

  async updateUser(scope: AccessScope, id: string, dto: UpdateUserDto): Promise<UserResponseDto> {
    scope.requireRole('coordinator');
    const current = await this.reachable(scope, id);
    if (!canManageRole(scope.role, current.role)) throw CommonErrors.NOT_FOUND();
    if (dto.active === false && current.id === scope.actor.id) throw UsersErrors.USER_SELF_DEACTIVATION();
    throwIfProblems(roleFieldProblems(current.role, dto, { territoryRequired: false }));
    const hiredOn = dto.hiredOn !== undefined ? dto.hiredOn : current.hiredOn;
    const contractEnd = dto.contractEnd !== undefined ? dto.contractEnd : current.contractEnd;
    throwIfProblems(employmentDateProblems(hiredOn, contractEnd));

    const changes: UserChanges = {};
    if (dto.fullName !== undefined) changes.fullName = dto.fullName;
    if (dto.active !== undefined) changes.active = dto.active;
    if (dto.hiredOn !== undefined) changes.hiredOn = dto.hiredOn;
    if (dto.contractEnd !== undefined) changes.contractEnd = dto.contractEnd;
    if (dto.territory) Object.assign(changes, await this.resolveTerritory(scope, current.tenantId!, dto.territory));

    await this.door.transaction(async (tx) => {
      const before = await this.dtoOf(scope, current, tx);
      await this.users.updateVersioned(tx, scope, current, dto.version, changes);
      const after = await this.dtoOf(scope, (await this.users.findInScope(scope, id, tx))!, tx);
      let sessionsRevoked = 0;
      if (before.active && !after.active) {
        sessionsRevoked = await this.sessions.revokeAllOfUser(tx, id, 'deactivated');
        // a reset link sent before must not outlive the deactivation (it would work again once reactivated)
        await this.sessions.voidResetLinks(tx, id);
      }
      await this.audit.record(tx, scope, {
        tenantId: current.tenantId,
        entity: AUDIT_ENTITY,
        entityId: id,
        action: before.active && !after.active ? 'deactivate' : !before.active && after.active ? 'reactivate' : 'update',
        before: auditView(before),
        after: { ...auditView(after), ...(sessionsRevoked > 0 ? { sessionsRevoked } : {}) },
      });
    });
    return this.getUser(scope, id);
  }

  async assignMunicipalities(scope: AccessScope, id: string, dto: AssignMunicipalitiesDto): Promise<UserResponseDto> {
    scope.requireRole('coordinator');
    const current = await this.reachable(scope, id);
    if (current.role !== 'innovator' || !current.tenantId) throw UsersErrors.USER_NOT_INNOVATOR();
    const tenantId = current.tenantId;
    const municipalities = await this.resolveMunicipalities(scope, tenantId, dto.municipalities);
    await this.door.transaction(async (tx) => {
      // The versioned update first: it locks the row, so the "before" list read next is the one being replaced.
      await this.users.updateVersioned(tx, scope, current, dto.version, {});
      const before = (await this.users.assignedMunicipalities(scope, [id], tx)).get(id) ?? [];
      await this.users.replaceAssignments(
        tx,
        scope,
        id,
        municipalities.map((m) => m.id),
      );
      const after = (await this.users.assignedMunicipalities(scope, [id], tx)).get(id) ?? [];
      await this.audit.record(tx, scope, {
        tenantId,
        entity: AUDIT_ENTITY,
        entityId: id,
        action: 'assign_municipalities',
        before: { municipalities: before.map((m) => m.istatCode).sort() },
        after: { municipalities: after.map((m) => m.istatCode).sort() },
      });
    });
    return this.getUser(scope, id);
  }

  /**
   * A new temporary password, shown once to the one who reset it (only for a user they may reset:
   * canResetPassword); the user's sessions end and every sign-in back-off of their e-mail is lifted.
   * The user must change it at the next sign-in, within TEMP_PASSWORD_DAYS.
   */
  async resetPassword(scope: AccessScope, id: string): Promise<ResetPasswordResponseDto> {
    scope.requireRole('coordinator');
    const current = await this.reachable(scope, id);
    if (!canManageRole(scope.role, current.role)) throw CommonErrors.NOT_FOUND();
    if (!canResetPassword(scope.actor, current)) throw UsersErrors.USER_RESET_NOT_ALLOWED();
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.door.transaction(async (tx) => {
      const lockedUntil = (await this.backoff.lockedUntil([current.email], tx)).get(current.email) ?? null;
      await this.credentials.setPassword(tx, id, passwordHash, this.temporaryPasswordExpiry());
      const sessionsRevoked = await this.sessions.revokeAllOfUser(tx, id, 'password_reset');
      await this.sessions.voidResetLinks(tx, id);
      const backoffsLifted = await this.backoff.lift(tx, current.email);
      await this.audit.record(tx, scope, {
        tenantId: current.tenantId,
        entity: AUDIT_ENTITY,
        entityId: id,
        action: 'password_reset',
        before: { lockedUntil },
        after: { lockedUntil: null, sessionsRevoked, backoffsLifted },
      });
    });
    return { temporaryPassword };
  }

  /* ---------- helpers ---------- */

  /** A password set by a coordinator or an admin is temporary: changed at the first sign-in, and it stops signing in after TEMP_PASSWORD_DAYS. */
  private temporaryPasswordExpiry(): Date {
    return new Date(Date.now() + this.config.temporaryPasswordDays * 86_400_000);
  }

  /** The user if the scope reaches it; otherwise 404 (unknown and not yours look the same). */
  private async reachable(scope: AccessScope, id: string): Promise<UserProfileRow> {
    const row = await this.users.findInScope(scope, id);
    if (!row) throw CommonErrors.NOT_FOUND();
    return row;
  }

  private async dtoOf(scope: AccessScope, row: UserProfileRow, tx?: ScopedTx): Promise<UserResponseDto> {
    return (await this.toDtos(scope, [row], tx))[0];
  }

  private async toDtos(scope: AccessScope, rows: UserProfileRow[], tx?: ScopedTx): Promise<UserResponseDto[]> {
    const innovators = rows.filter((r) => r.role === 'innovator').map((r) => r.id);
    const munis = await this.users.assignedMunicipalities(scope, innovators, tx);
    const locks = await this.backoff.lockedUntil(
      rows.map((r) => r.email),
      tx,
    );
    return rows.map((row) => toUserDto(row, munis.get(row.id) ?? [], locks.get(row.email) ?? null));
  }

  /**
   * The tenant of a new user: a coordinator's own; the one an admin names (required except for
   * admins, who have none). The tenant never comes from a coordinator's body.
   */
  private async targetTenant(scope: AccessScope, dto: CreateUserDto): Promise<string | null> {
    if (!scope.isAdmin) {
      const own = scope.actor.tenantId!;
      if (dto.tenant !== undefined) {
        const named = await this.tenants.findTenant(scope, dto.tenant);
        if (!named || named.id !== own) throw fieldError('tenant', 'you can only create users in your own metropolitan city');
      }
      return own;
    }
    if (dto.role === 'admin') {
      if (dto.tenant !== undefined) throw fieldError('tenant', 'admins belong to no tenant: leave tenant out');
      return null;
    }
    if (dto.tenant === undefined) throw fieldError('tenant', 'tenant is required: the ISTAT code of the metropolitan city');
    const tenant = await this.tenants.findTenant(scope, dto.tenant);
    if (!tenant) throw fieldError('tenant', `no metropolitan city with ISTAT code ${dto.tenant}`);
    return tenant.id;
  }

  private async resolveMunicipalities(
    scope: AccessScope,
    tenantId: string,
    codes: readonly string[],
  ): Promise<{ id: string; istatCode: string }[]> {
    const found = await this.users.findMunicipalities(scope, tenantId, codes);
    const missing = missingCodes(
      codes,
      found.map((m) => m.istatCode),
    );
    if (missing.length > 0) throw fieldError('municipalities', `not municipalities of this metropolitan city: ${missing.join(', ')}`);
    return found;
  }

  private async resolveTerritory(
    scope: AccessScope,
    tenantId: string,
    territory: TerritoryRefDto,
  ): Promise<{ scopeMunicipalityId: string | null; scopeSocialAreaId: string | null }> {
    if (territory.kind === 'municipality') {
      const [m] = /^[0-9]{6}$/.test(territory.code) ? await this.users.findMunicipalities(scope, tenantId, [territory.code]) : [];
      if (!m) throw fieldError('territory.code', `no municipality with ISTAT code ${territory.code} in this metropolitan city`);
      return { scopeMunicipalityId: m.id, scopeSocialAreaId: null };
    }
    const area = await this.users.findSocialArea(scope, tenantId, territory.code);
    if (!area) throw fieldError('territory.code', `no social area with code ${territory.code} in this metropolitan city`);
    return { scopeMunicipalityId: null, scopeSocialAreaId: area.id };
  }
}
