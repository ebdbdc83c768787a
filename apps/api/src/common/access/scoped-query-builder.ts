import { type DataSource, type EntityTarget, type ObjectLiteral, type QueryRunner, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from './access-scope';
import { applyRule, bindQuery, conditionsFor, isScopedSource, type Rule, type ScopedSource } from './scope-rules';

/** The entity class or table name of a source, as TypeORM's joins take it. */
function joinTarget(source: ScopedSource<ObjectLiteral>): (abstract new (...args: never[]) => unknown) | string {
  const target = source.target;
  if (typeof target === 'function' || typeof target === 'string') return target as (abstract new (...args: never[]) => unknown) | string;
  throw new Error('joinSource: a source to join must name an entity class or a table');
}

type WhereArgument<T> = Parameters<SelectQueryBuilder<T & ObjectLiteral>['where']>[0];

/**
 * A SelectQueryBuilder the door has bound to a caller (tenant, territory, a feature's rule). Its
 * binding cannot be dropped or widened: `where()` (which replaces every condition) and a top-level
 * `orWhere()` (which would OR the scope away) throw; add conditions with `andWhere`, and ORs inside
 * `Brackets`. Clones stay bound. Subqueries on tenant tables are taken with `subquery()`, so they
 * are bound too and their parameters land in this query.
 */
export class ScopedSelectQueryBuilder<T extends ObjectLiteral> extends SelectQueryBuilder<T> {
  private boundScope: AccessScope | null = null;

  constructor(source: DataSource | SelectQueryBuilder<T>, queryRunner?: QueryRunner) {
    super(source as never, queryRunner);
    // a clone keeps the binding; builders TypeORM makes for Brackets or subQuery() start unbound
    if (source instanceof ScopedSelectQueryBuilder) this.boundScope = source.boundScope;
  }

  /** @internal The door's: binds a fresh builder once. */
  static bound<E extends ObjectLiteral>(
    qb: SelectQueryBuilder<E>,
    scope: AccessScope,
    alias: string,
    rule: Rule,
  ): ScopedSelectQueryBuilder<E> {
    const scoped = qb instanceof ScopedSelectQueryBuilder ? qb : new ScopedSelectQueryBuilder<E>(qb);
    if (scoped.boundScope) throw new Error('ScopedSelectQueryBuilder: already bound');
    bindQuery(scoped, scope, alias, rule);
    scoped.boundScope = scope;
    return scoped as ScopedSelectQueryBuilder<E>;
  }

  /** The scope this query is bound to. */
  get scope(): AccessScope {
    if (!this.boundScope) throw new Error('ScopedSelectQueryBuilder: not bound to a scope');
    return this.boundScope;
  }

  get isBound(): boolean {
    return this.boundScope !== null;
  }

  override where(where: WhereArgument<T>, parameters?: ObjectLiteral): this {
    if (this.boundScope) {
      throw new Error('A scoped query: where() would drop its tenant and territory conditions; use andWhere()');
    }
    return super.where(where as never, parameters);
  }

  override orWhere(where: WhereArgument<T>, parameters?: ObjectLiteral): this {
    if (this.boundScope) {
      throw new Error('A scoped query: a top-level orWhere() would widen its scope; put the OR inside Brackets');
    }
    return super.orWhere(where as never, parameters);
  }

  /** Also refused on a bound query (it replaces the conditions). */
  override whereInIds(ids: unknown): this {
    if (this.boundScope) throw new Error('A scoped query: whereInIds() would drop its conditions; use andWhereInIds()');
    return super.whereInIds(ids);
  }

  override whereExists<S extends ObjectLiteral>(subQuery: SelectQueryBuilder<S>): this {
    if (this.boundScope) throw new Error('A scoped query: whereExists() would drop its conditions; use andWhereExists()');
    return super.whereExists(subQuery);
  }

  /** Adds a feature's rule (or a Binding's territory) on `alias` of this query, with this query's scope. */
  andWhereRule(alias: string, rule: Rule): this {
    applyRule(this, conditionsFor(this, this.scope), alias, rule);
    return this;
  }

  /**
   * A subquery (for `IN`, `EXISTS`, a scalar select) on a tenant table or a feature's source,
   * bound with this query's scope; its parameters are set on this query. Its `getQuery()` is
   * parenthesised: `a.municipality_id IN ${sub.getQuery()}`.
   */
  subquery<S extends ObjectLiteral>(source: ScopedSource<S>, alias: string): ScopedSelectQueryBuilder<S>;
  subquery<S extends ObjectLiteral>(target: EntityTarget<S>, alias: string, rule?: Rule): ScopedSelectQueryBuilder<S>;
  subquery<S extends ObjectLiteral>(from: ScopedSource<S> | EntityTarget<S>, alias: string, rule?: Rule): ScopedSelectQueryBuilder<S> {
    const scope = this.scope;
    const [target, bindWith] = isScopedSource(from) ? [from.target as EntityTarget<S>, from.rule] : [from, rule ?? {}];
    const sub = this.subQuery().select().from(target, alias) as SelectQueryBuilder<S>;
    return ScopedSelectQueryBuilder.bound(sub, scope, alias, bindWith);
  }

  /**
   * Joins a feature's source on `alias` (another feature's table: tenants, municipalities, users…),
   * bound as a select on it would be: the tenant and the source's rule are ANDed into the ON
   * condition, with this query's scope. `on` correlates it with this query's rows
   * (`'t.tenant_id = u.tenant_id'`). An inner join drops the rows whose partner the caller may not see.
   */
  innerJoinSource<S extends ObjectLiteral>(source: ScopedSource<S>, alias: string, on: string): this {
    return this.innerJoin(joinTarget(source), alias, this.boundJoinCondition(source, alias, on));
  }

  /** As innerJoinSource, but a LEFT join: a partner the caller may not see (or none) joins as NULLs. */
  leftJoinSource<S extends ObjectLiteral>(source: ScopedSource<S>, alias: string, on: string): this {
    return this.leftJoin(joinTarget(source), alias, this.boundJoinCondition(source, alias, on));
  }

  private boundJoinCondition(source: ScopedSource<ObjectLiteral>, alias: string, on: string): string {
    const c = conditionsFor(this, this.scope);
    const rule = source.rule;
    const parts = typeof rule === 'function' ? rule(c, alias) : c.territory(alias, rule);
    const tenant = c.tenant(alias, typeof rule === 'function' ? undefined : rule.tenant);
    return c.and(`(${on})`, tenant, ...(Array.isArray(parts) ? parts : [parts]))!;
  }

  /** @internal The door's `run`: this query's SQL inside an outer shell, on this query's connection (or transaction). */
  async runInShell<R>(shell: (sql: string) => string): Promise<R[]> {
    const [sql, parameters] = this.getQueryAndParameters();
    const queryRunner = this.obtainQueryRunner();
    try {
      return (await queryRunner.query(shell(sql), parameters)) as R[];
    } finally {
      if (queryRunner !== this.queryRunner) await queryRunner.release();
    }
  }
}
