import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import type { Predicate, ScopedSource } from '../../common/access/scope-rules';
import { Building } from './building.entity';
import { BuildingAssignment } from './building-assignment.entity';
import { BuildingStageChange } from './building-stage-change.entity';

/**
 * Who reads which buildings: every building of the tenant (admins: of every tenant); a municipality
 * user only those of their territory (their municipality or social area).
 */
export const readableBuildings: Predicate = (c, alias) => c.territory(alias, { municipality: `${alias}.municipality_id`, rule: 'visible' });

/**
 * Where a caller works: an innovator's assigned municipalities; coordinators and admins the whole
 * tenant; municipality users their territory (they read it, they never write: the service refuses).
 * The rule of edits and of the stale and expiry lists ("my territory").
 */
export const territorialBuildings: Predicate = (c, alias) =>
  c.territory(alias, { municipality: `${alias}.municipality_id`, rule: 'assigned' });

/**
 * The buildings register's rules as sources other features select from (the map layer, the homes,
 * indicators): `door.select(scope, buildingsPolicy.readable, 'b')`. Exported by BuildingsModule.
 */
@Injectable()
export class BuildingsPolicy {
  readonly readable: ScopedSource<Building> = { target: Building, rule: readableBuildings };
  /** the caller's own territory (an innovator's assigned municipalities): edits, stale and expiry lists */
  readonly territorial: ScopedSource<Building> = { target: Building, rule: territorialBuildings };
  readonly readableRule: Predicate = readableBuildings;
  /** The stage timeline rows (tenant-bound); join `readable` on the building to apply the territory (indicators). */
  readonly stageChanges: ScopedSource<BuildingStageChange> = { target: BuildingStageChange, rule: {} };
  /** The assignments to organizations (tenant-bound); join `readable` on the building to apply the territory (the collaboration network). */
  readonly assignments: ScopedSource<BuildingAssignment> = { target: BuildingAssignment, rule: {} };

  /** Who may change buildings at all (their municipalities: `territorial`). */
  writes(scope: AccessScope): boolean {
    return scope.hasRole('innovator', 'coordinator');
  }

  /** Internal notes and the history are staff matters: municipality users never read them. */
  readsStaffFields(scope: AccessScope): boolean {
    return scope.role !== 'municipality';
  }

  /**
   * The owner of a private building may be a person (personal data): municipality users do not read
   * it. A public or confiscated building's owner is a body and is shown to everyone who reads it.
   */
  readsOwner(scope: AccessScope, ownership: string): boolean {
    return scope.role !== 'municipality' || ownership !== 'private';
  }
}
