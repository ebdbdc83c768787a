import type { EntityTarget, ObjectLiteral, QueryBuilder } from 'typeorm';
import type { AccessScope, TerritoryRule } from './access-scope';

/**
 * The one place that writes tenant and territory predicates (SQL text and parameters). The door
 * (`scoped-data.ts`) calls it for every query it builds; a feature's policy calls it through the
 * `Conditions` it is handed. Nothing else writes `tenant_id = …` or `municipality_id IN (…)`.
 */

/** The join table of a record that belongs to several municipalities (e.g. initiative_municipalities). */
export interface Through {
  /** the join table, e.g. `initiative_municipalities` */
  table: string;
  /** its column holding the record's id, e.g. `initiative_id` (compared with `<alias>.id`) */
  key: string;
  /** its column holding the municipality id, e.g. `municipality_id` */
  municipality: string;
  /** its tenant column, default `tenant_id` (compared with the record's tenant) */
  tenant?: string;
}

/**
 * How a table's rows are bound to the caller, besides the tenant (always bound):
 * - `{}`: tenant only (a row that belongs to no municipality, or where territory does not matter);
 * - `{ municipality: 'a.municipality_id', rule }`: a row of one municipality;
 * - `{ through: { table, key, municipality }, rule }`: a row of several municipalities, visible
 *   when any of them is in the caller's territory (an `EXISTS` on the join table).
 * `rule` (default `visible`) says which municipality list of the scope applies.
 */
export interface Binding {
  /** column holding the tenant id, default `<alias>.tenant_id` */
  tenant?: string;
  municipality?: string;
  through?: Through;
  rule?: TerritoryRule;
}

/** A piece of SQL, or `null`: no condition (TRUE). */
export type Sql = string | null;

/**
 * What a predicate is handed to write its SQL: unique placeholders and the scope's predicates.
 * Every placeholder is unique in the process, so a rule applied twice on one query (or on a
 * query and its subqueries) never overwrites the other application's parameters.
 */
export interface Conditions {
  /** the caller's scope (role, actor, territory lists) */
  readonly scope: AccessScope;
  /** a placeholder bound to `value`: `${alias}.author_id = ${c.param(id)}` */
  param(value: unknown): string;
  /** a placeholder for a list, to write inside parentheses: `IN (${c.list(ids)})` (never empty: use `c.never`) */
  list(values: readonly unknown[]): string;
  /** `<column> = <the caller's tenant>`; null for an admin (every tenant); `1 = 0` for a caller without tenant */
  tenant(alias: string, column?: string): Sql;
  /** the territory rule of a binding on `alias`; null when it covers the whole tenant; `1 = 0` for an empty territory */
  territory(alias: string, binding: Binding): Sql;
  /** `(a AND b …)`; null when every part is null */
  and(...parts: Sql[]): Sql;
  /** `(a OR b …)`; null (TRUE) when any part is null */
  or(...parts: Sql[]): Sql;
  /** the condition no row meets */
  readonly never: string;
}

/**
 * A visibility rule on one alias: who sees which rows. Written once by the feature that owns the
 * rows (`<feature>.policy.ts`) and applied by the door on any alias: `door.select(scope, source,
 * 'x')`, `qb.subquery(source, 'y')`, `qb.andWhereRule('z', rule)`. It returns the SQL to AND
 * (several parts: each is ANDed in turn). The door binds the tenant before applying it.
 */
export type Predicate = (c: Conditions, alias: string) => Sql | Sql[];

/** What the door binds a query with: a Binding (tenant + territory) or a feature's Predicate (tenant + the predicate). */
export type Rule = Binding | Predicate;

/**
 * A feature's rows as other features may read them: the table (or entity) and the rule that says
 * who sees which rows. Exported by the owning feature's policy; the others select from it
 * (`door.select(scope, activitiesPolicy.readable, 'a')`) without naming the table or re-deriving the rule.
 */
export interface ScopedSource<T extends ObjectLiteral = ObjectLiteral> {
  readonly target: EntityTarget<T>;
  readonly rule: Rule;
}

export function isScopedSource(value: unknown): value is ScopedSource {
  return typeof value === 'object' && value !== null && 'target' in value && 'rule' in value;
}

/**
 * A query or write outside what the caller may reach, asked by code (never by the client's input:
 * services check first and answer 404/400). It reaches the error filter as a logged 500.
 */
export class ScopeViolation extends Error {
  constructor(message: string) {
    super(`scope violation: ${message}`);
    this.name = 'ScopeViolation';
  }
}

const NEVER = '1 = 0';

/** Placeholder names unique in the process: `scope_<n>`. TypeORM sends them as $1, $2…, so the names never reach PostgreSQL. */
let counter = 0;
function nextName(): string {
  counter += 1;
  return `scope_${counter}`;
}

/** The Conditions of one query builder (parameters are set on it; a subquery's propagate to its outer query). */
export function conditionsFor(qb: QueryBuilder<ObjectLiteral>, scope: AccessScope): Conditions {
  const param = (value: unknown): string => {
    const name = nextName();
    qb.setParameter(name, value);
    return `:${name}`;
  };
  const list = (values: readonly unknown[]): string => {
    if (values.length === 0) throw new Error('Conditions.list: an empty list (write c.never instead)');
    const name = nextName();
    qb.setParameter(name, [...values]);
    return `:...${name}`;
  };
  const present = (parts: Sql[]): string[] => parts.filter((p): p is string => p !== null);
  const c: Conditions = {
    scope,
    never: NEVER,
    param,
    list,
    tenant(alias, column) {
      if (scope.tenantId !== null) return `${column ?? `${alias}.tenant_id`} = ${param(scope.tenantId)}`;
      // A non-admin without tenant cannot exist (database constraint); fail closed anyway.
      return scope.isAdmin ? null : NEVER;
    },
    territory(alias, binding) {
      if (binding.municipality && binding.through) throw new Error('Binding: either `municipality` or `through`, not both');
      if (!binding.municipality && !binding.through) return null;
      const ids = scope.municipalityIds(binding.rule ?? 'visible');
      if (ids === null) return null;
      if (ids.length === 0) return NEVER;
      if (binding.municipality) return `(${binding.municipality} IN (${list(ids)}))`;
      const t = binding.through!;
      const j = `${nextName()}_j`;
      const recordTenant = binding.tenant ?? `${alias}.tenant_id`;
      return (
        `EXISTS (SELECT 1 FROM ${t.table} ${j} WHERE ${j}.${t.tenant ?? 'tenant_id'} = ${recordTenant}` +
        ` AND ${j}.${t.key} = ${alias}.id AND ${j}.${t.municipality} IN (${list(ids)}))`
      );
    },
    and(...parts) {
      const kept = present(parts);
      if (kept.length === 0) return null;
      return kept.length === 1 ? kept[0] : `(${kept.join(' AND ')})`;
    },
    or(...parts) {
      if (parts.some((p) => p === null)) return null;
      const kept = present(parts);
      return kept.length === 1 ? kept[0] : `(${kept.join(' OR ')})`;
    },
  };
  return c;
}

type Where = { andWhere(where: string): unknown } & QueryBuilder<ObjectLiteral>;

/**
 * Binds a select to the caller: the tenant of `alias`, then the rule (a Binding's territory, or a
 * Predicate's parts), each as one AND-ed condition.
 */
export function bindQuery(qb: Where, scope: AccessScope, alias: string, rule: Rule = {}): void {
  const c = conditionsFor(qb, scope);
  const tenant = c.tenant(alias, typeof rule === 'function' ? undefined : rule.tenant);
  if (tenant) qb.andWhere(tenant);
  applyRule(qb, c, alias, rule);
}

/** Adds a rule (without the tenant, already bound) to a query. */
export function applyRule(qb: Where, c: Conditions, alias: string, rule: Rule): void {
  const parts = typeof rule === 'function' ? rule(c, alias) : c.territory(alias, rule);
  for (const part of Array.isArray(parts) ? parts : [parts]) if (part !== null) qb.andWhere(part);
}

/** `<column> = <tenant>` (a unique placeholder), or `<column> IS NULL` for a platform row. */
export function tenantEquals(qb: QueryBuilder<ObjectLiteral>, column: string, tenant: string | null): string {
  if (tenant === null) return `${column} IS NULL`;
  const name = nextName();
  qb.setParameter(name, tenant);
  return `${column} = :${name}`;
}

/**
 * The tenant a write is bound to: the one named (which the caller must reach), or the caller's.
 * An admin spans tenants and must name one; `null` names a platform row (admins only).
 */
export function writeTenant(scope: AccessScope, named: string | null | undefined, what: string): string | null {
  if (named === undefined) {
    if (scope.tenantId !== null) return scope.tenantId;
    throw new ScopeViolation(`${what}: an admin must name the tenant`);
  }
  if (named === null) {
    if (scope.isAdmin) return null;
    throw new ScopeViolation(`${what}: only admins write platform rows (no tenant)`);
  }
  if (!scope.canReachTenant(named)) throw new ScopeViolation(`${what}: tenant ${named} is outside the caller's scope`);
  return named;
}
