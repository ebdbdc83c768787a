import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import type { Predicate, ScopedSource, Through } from '../../common/access/scope-rules';
import { Initiative, InitiativeMunicipality, InitiativeOrganization } from './initiative.entity';

/** The municipalities of an initiative, for the door's `{ through }` binding. */
export const INITIATIVE_MUNICIPALITIES: Through = {
  table: 'initiative_municipalities',
  key: 'initiative_id',
  municipality: 'municipality_id',
};

/**
 * Who reads which initiatives (docs/initiatives.md, "Who may do what"); the door binds the tenant
 * (admins: every tenant) before it:
 * - innovators and coordinators: every initiative of the tenant;
 * - municipality users: those with ANY of their municipalities in their territory (an initiative of
 *   Molfetta and Giovinazzo is seen by the users of both).
 */
const readableInitiatives: Predicate = (c, alias) => c.territory(alias, { through: INITIATIVE_MUNICIPALITIES, rule: 'visible' });

/**
 * Which initiatives the caller may edit (and move through the status machine): coordinators every
 * initiative of the tenant; innovators those with AT LEAST ONE of their assigned municipalities;
 * municipality users none.
 */
const editableInitiatives: Predicate = (c, alias) => {
  if (c.scope.role === 'municipality') return c.never;
  return c.territory(alias, { through: INITIATIVE_MUNICIPALITIES, rule: 'assigned' });
};

/**
 * The initiatives register's rules as sources other features select from (an activity's initiative,
 * the map layer, indicators): `door.select(scope, initiativesPolicy.readable, 'i')`.
 */
@Injectable()
export class InitiativesPolicy {
  readonly readable: ScopedSource<Initiative> = { target: Initiative, rule: readableInitiatives };
  readonly readableRule: Predicate = readableInitiatives;
  readonly editable: ScopedSource<Initiative> = { target: Initiative, rule: editableInitiatives };
  /** The lead and partner organizations (tenant-bound); join `readable` on the initiative to apply its rule (the collaboration network). */
  readonly organizations: ScopedSource<InitiativeOrganization> = { target: InitiativeOrganization, rule: {} };
  /**
   * The municipalities of the initiatives, each row in the caller's visible territory (indicators
   * count an initiative in each of its municipalities, and once per social area and tenant).
   */
  readonly places: ScopedSource<InitiativeMunicipality> = {
    target: InitiativeMunicipality,
    rule: (c, alias) => c.territory(alias, { municipality: `${alias}.municipality_id`, rule: 'visible' }),
  };

  /** Internal notes are staff matters: municipality users never read them (detail, export, history). */
  readsInternalNotes(scope: AccessScope): boolean {
    return scope.role !== 'municipality';
  }

  /** Who may create or edit at all (the territory is checked per record). */
  writes(scope: AccessScope): boolean {
    return scope.role === 'innovator' || scope.role === 'coordinator' || scope.role === 'admin';
  }
}
