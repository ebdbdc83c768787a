import type { Role } from '@trama/contracts';
import { CommonErrors } from '../errors/app-error';

export interface Actor {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  /** null only for platform admins */
  tenantId: string | null;
}

/** Which territorial rule a query applies. */
export type TerritoryRule =
  /** the municipalities the actor may see: the whole tenant, or a municipality user's own territory */
  | 'visible'
  /** the municipalities assigned to an innovator (coordinators and admins: the whole tenant) */
  | 'assigned';

/**
 * What the caller may reach: tenant, role and territory. Built once per request from the
 * database (so deactivation and new assignments apply at once) and passed to every service and
 * repository method. It holds who may see what; the predicates that say so in SQL are written by
 * the scoped data door (`scoped-data.ts`, `scope-rules.ts`) and nowhere else.
 */
export class AccessScope {
  constructor(
    readonly actor: Actor,
    /** municipality ids a municipality user may see; null = the whole tenant */
    readonly visibleMunicipalityIds: readonly string[] | null,
    /** municipality ids assigned to an innovator */
    readonly assignedMunicipalityIds: readonly string[],
    /** signed in with a temporary password set by a coordinator or an admin: must change it before anything else */
    readonly passwordChangeRequired = false,
  ) {}

  get role(): Role {
    return this.actor.role;
  }

  get isAdmin(): boolean {
    return this.actor.role === 'admin';
  }

  /** The tenant every query is bound to; null for an admin, who spans tenants. */
  get tenantId(): string | null {
    return this.isAdmin ? null : this.actor.tenantId;
  }

  hasRole(...roles: Role[]): boolean {
    return this.isAdmin || roles.includes(this.actor.role);
  }

  /** Throws FORBIDDEN unless the actor has one of the roles (admins always pass). */
  requireRole(...roles: Role[]): void {
    if (!this.hasRole(...roles)) throw CommonErrors.FORBIDDEN();
  }

  /** The municipality ids matching a rule, or null when the rule covers the whole tenant. */
  municipalityIds(rule: TerritoryRule): readonly string[] | null {
    if (rule === 'assigned') return this.actor.role === 'innovator' ? this.assignedMunicipalityIds : this.visibleMunicipalityIds;
    return this.visibleMunicipalityIds;
  }

  canReachTenant(tenantId: string | null): boolean {
    return this.isAdmin || (tenantId !== null && tenantId === this.actor.tenantId);
  }

  canReachMunicipality(tenantId: string, municipalityId: string, rule: TerritoryRule = 'visible'): boolean {
    if (!this.canReachTenant(tenantId)) return false;
    const ids = this.municipalityIds(rule);
    return ids === null || ids.includes(municipalityId);
  }
}
