import { Injectable } from '@nestjs/common';
import type { Predicate, ScopedSource } from '../../common/access/scope-rules';
import { Municipality } from './municipality.entity';
import { MunicipalityPopulation } from './municipality-population.entity';
import { SocialArea } from './social-area.entity';

/**
 * Who sees which municipalities: every municipality of the tenant (admins: of every tenant); a
 * municipality user only their territory (their municipality, or the municipalities of their
 * social area). Applied on any alias of `municipalities`.
 */
export const visibleMunicipalities: Predicate = (c, alias) => c.territory(alias, { municipality: `${alias}.id`, rule: 'visible' });

/**
 * The municipalities a caller works in: an innovator's assigned ones; for every other role the
 * visible ones (coordinators and admins: the whole tenant).
 */
export const assignedMunicipalities: Predicate = (c, alias) => c.territory(alias, { municipality: `${alias}.id`, rule: 'assigned' });

/**
 * Who sees which social areas: every area of the tenant; a municipality user only the areas
 * holding a municipality they see (an `EXISTS` on `municipalities`: an area belongs to several).
 */
export const visibleSocialAreas: Predicate = (c, alias) =>
  c.territory(alias, { through: { table: 'municipalities', key: 'social_area_id', municipality: 'id' }, rule: 'visible' });

/**
 * The territory's visibility rules as sources other features select from (a map layer, an
 * indicator, a user's assignments) without naming the tables or re-deriving the rules:
 * `door.select(scope, territoryPolicy.municipalities, 'm')`, `qb.subquery(territoryPolicy.municipalities, 'fm')`.
 */
@Injectable()
export class TerritoryPolicy {
  readonly municipalities: ScopedSource<Municipality> = { target: Municipality, rule: visibleMunicipalities };
  readonly assignedMunicipalities: ScopedSource<Municipality> = { target: Municipality, rule: assignedMunicipalities };
  readonly socialAreas: ScopedSource<SocialArea> = { target: SocialArea, rule: visibleSocialAreas };
  /**
   * Residents per municipality and year (public figures: the whole tenant for every role). The
   * population of a period: the latest year ≤ the period's year, else the earliest known.
   */
  readonly populations: ScopedSource<MunicipalityPopulation> = { target: MunicipalityPopulation, rule: {} };
}
