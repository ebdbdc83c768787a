import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import type { Predicate, ScopedSource } from '../../common/access/scope-rules';
import { IndicatorDefinition, IndicatorTarget, IndicatorValue } from './indicator.entity';

/**
 * Which values (and targets) of a territory the caller reads (docs/indicators.md, "Who may do
 * what"); the door binds the tenant (admins: every tenant) before it:
 * - admins, coordinators and innovators: every value of the tenant;
 * - municipality users: the values of the municipalities they see, and of a social area only
 *   when every municipality of the area is theirs (a social-area user); never the tenant's own.
 * Works on any alias of a table with `territory_kind`, `social_area_id`, `municipality_id`.
 */
const readableTerritoryRows: Predicate = (c, alias) => {
  const ids = c.scope.municipalityIds('visible');
  if (ids === null) return null;
  if (ids.length === 0) return c.never;
  const municipality = c.and(`${alias}.territory_kind = 'municipality'`, c.territory(alias, { municipality: `${alias}.municipality_id` }));
  const socialArea =
    `(${alias}.territory_kind = 'social_area' AND NOT EXISTS (SELECT 1 FROM municipalities sam` +
    ` WHERE sam.tenant_id = ${alias}.tenant_id AND sam.social_area_id = ${alias}.social_area_id AND sam.id NOT IN (${c.list(ids)})))`;
  return c.or(municipality, socialArea);
};

/**
 * Which values the caller may enter or change: coordinators (and admins) every value of the
 * tenant; innovators the values of their assigned municipalities only; municipality users none.
 */
const writableValues: Predicate = (c, alias) => {
  if (c.scope.role === 'coordinator' || c.scope.isAdmin) return null;
  if (c.scope.role !== 'innovator') return c.never;
  return c.and(
    `${alias}.territory_kind = 'municipality'`,
    c.territory(alias, { municipality: `${alias}.municipality_id`, rule: 'assigned' }),
  );
};

/**
 * The indicators' rules as sources other features select from (the roll-up reads
 * `door.select(scope, indicatorsPolicy.readableValues, 'v')`).
 */
@Injectable()
export class IndicatorsPolicy {
  /** every definition of the tenant: all roles read them */
  readonly definitions: ScopedSource<IndicatorDefinition> = { target: IndicatorDefinition, rule: {} };
  readonly readableValues: ScopedSource<IndicatorValue> = { target: IndicatorValue, rule: readableTerritoryRows };
  readonly writableValues: ScopedSource<IndicatorValue> = { target: IndicatorValue, rule: writableValues };
  readonly readableTargets: ScopedSource<IndicatorTarget> = { target: IndicatorTarget, rule: readableTerritoryRows };
  readonly readableTerritoryRule: Predicate = readableTerritoryRows;

  /** Definitions and targets: coordinators (and admins). */
  managesDefinitions(scope: AccessScope): boolean {
    return scope.role === 'coordinator' || scope.isAdmin;
  }

  /** Who may enter values at all (the territory is checked per value). */
  entersValues(scope: AccessScope): boolean {
    return scope.role === 'coordinator' || scope.role === 'innovator' || scope.isAdmin;
  }

  /** Who validates drafts, changes validated values and imports files. */
  validates(scope: AccessScope): boolean {
    return scope.role === 'coordinator' || scope.isAdmin;
  }
}
