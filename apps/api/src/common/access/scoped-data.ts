/**
 * # The scoped data door
 *
 * The only way feature code gets a query on a tenant table. Every query it builds is already
 * bound to the caller's `AccessScope` (tenant; territory; or a feature's visibility rule); every
 * write it makes is bound to a tenant the caller reaches and stamped with the author.
 *
 * ```ts
 * constructor(private readonly door: ScopedData, private readonly activitiesPolicy: ActivitiesPolicy) {}
 *
 * // reads: a SelectQueryBuilder bound to tenant and territory (alias `o`)
 * const rows = await this.door
 *   .select(scope, Organization, 'o', { municipality: 'o.municipality_id', rule: 'visible' })
 *   .select('o.id', 'id')
 *   .andWhere('o.kind = :kind', { kind })          // andWhere only: where()/orWhere() throw on a bound query
 *   .getRawMany();
 *
 * // another feature's rows, with its rule (no table name, no re-derived rule)
 * const qb = this.door.select(scope, this.activitiesPolicy.readable, 'a').select('count(*)::int', 'n');
 *
 * // a bound subquery (its parameters land in the outer query), and raw SQL only as a shell
 * const munis = qb.subquery('municipalities', 'fm').select('fm.id').andWhere('fm.istat_code = :istat', { istat });
 * qb.andWhere(`a.municipality_id IN ${munis.getQuery()}`);
 * const [{ n }] = await this.door.run<{ n: number }>(qb, (sql) => `SELECT count(*)::int AS n FROM (${sql}) c`);
 *
 * // writes, in a transaction
 * await this.door.transaction(async (tx) => {
 *   const [{ id }] = await tx.insert(scope, Organization, { name, kind }, { returning: 'id' }); // tenant_id, created_by, updated_by stamped
 *   await tx.updateVersioned(scope, Organization, { id, version, tenantId }, { name });       // 409 STALE_VERSION unless one row changed
 *   await tx.delete(scope, ActivityOrganization, { activityId: id });                         // bound to the tenant
 *   await this.audit.record(tx, scope, { … });
 * });
 *
 * // the one exit, for places with no scope (greppable: `grep -rn "unscoped("`)
 * await this.door.unscoped('text-search dictionary lookup: no tenant table').query(`SELECT ts_lexize(…)`);
 * ```
 *
 * Bindings (`scope-rules.ts`): `{}` tenant only; `{ municipality: 'a.municipality_id', rule }` a
 * record of one municipality; `{ through: { table, key, municipality }, rule }` a record of several
 * municipalities (`EXISTS` on the join table). `rule` is `visible` (default: the whole tenant, or a
 * municipality user's territory) or `assigned` (an innovator's municipalities). A feature's
 * visibility rule is a `Predicate` in `<feature>.policy.ts`, exported as a `ScopedSource`.
 *
 * Parameter names are unique per application, so a rule applied twice on one query keeps both
 * lists. Correlated lookups by the keys of an already bound row (`ao.tenant_id = a.tenant_id AND
 * ao.activity_id = a.id`) need no binding of their own.
 */
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { CommonErrors } from '../errors/app-error';
import { streamCursor, type CursorOptions } from '../database/cursor-stream';
import type { AccessScope } from './access-scope';
import { isScopedSource, type Rule, ScopeViolation, type ScopedSource, tenantEquals, writeTenant } from './scope-rules';
import { ScopedSelectQueryBuilder } from './scoped-query-builder';

/** A reason for an exit from the door: a non-empty string literal, so that every exit reads as code. */
export type Reason<R extends string> = R & (string extends R ? never : unknown) & (R extends '' ? never : unknown);

export interface InsertOptions {
  /** `ON CONFLICT DO NOTHING` (idempotent creates): a conflicting row is skipped and not returned */
  orIgnore?: boolean;
  /** columns to return, e.g. `'id'` */
  returning?: string | string[];
}

export interface VersionKey {
  id: string;
  /** the version the caller loaded */
  version: number;
  /** the record's tenant (which the caller must reach); default the caller's. Admins name it (`null`: a platform row). */
  tenantId?: string | null;
}

const identity = (sql: string) => sql;

function requireBound<T extends ObjectLiteral>(qb: ScopedSelectQueryBuilder<T>, what: string): void {
  if (!(qb instanceof ScopedSelectQueryBuilder) || !qb.isBound) throw new ScopeViolation(`${what}: not a query built by the door`);
}

/** Reads, on the pool (ScopedData) or inside a transaction (ScopedTx). */
export abstract class ScopedReads {
  protected constructor(protected readonly manager: EntityManager) {}

  /**
   * A SelectQueryBuilder on `alias`, bound to the caller: the tenant, then the rule. From a table
   * name it selects nothing yet; from an entity, the entity (as `createQueryBuilder(Entity, alias)`).
   */
  select<T extends ObjectLiteral>(scope: AccessScope, source: ScopedSource<T>, alias: string): ScopedSelectQueryBuilder<T>;
  select<T extends ObjectLiteral>(scope: AccessScope, target: EntityTarget<T>, alias: string, rule?: Rule): ScopedSelectQueryBuilder<T>;
  select<T extends ObjectLiteral>(
    scope: AccessScope,
    from: ScopedSource<T> | EntityTarget<T>,
    alias: string,
    rule?: Rule,
  ): ScopedSelectQueryBuilder<T> {
    const [target, bindWith] = isScopedSource(from) ? [from.target as EntityTarget<T>, from.rule] : [from, rule ?? {}];
    const qb =
      typeof target === 'string'
        ? this.manager.createQueryBuilder().from<T>(target, alias)
        : this.manager.createQueryBuilder<T>(target, alias);
    return ScopedSelectQueryBuilder.bound(qb, scope, alias, bindWith);
  }

  /**
   * Runs a bound query wrapped in an outer shell of raw SQL, with its parameters:
   * `run(qb, (sql) => \`SELECT count(*) FROM (${sql}) c\`)`, `WITH m AS MATERIALIZED (${sql}) …`.
   * The shell adds ordering, windows or aggregates around the scoped rows; it never adds tables.
   */
  async run<R = ObjectLiteral>(qb: ScopedSelectQueryBuilder<ObjectLiteral>, shell: (sql: string) => string = identity): Promise<R[]> {
    requireBound(qb, 'run');
    return qb.runInShell<R>(shell);
  }

  /**
   * The one exit from the door: the raw EntityManager (of the transaction, on a ScopedTx), for
   * the places that truly have no scope (credentials, refresh tokens, territory import, seeding,
   * the access loader, dictionary lookups that touch no tenant table). Say why, as a literal.
   */
  unscoped<R extends string>(reason: Reason<R>): EntityManager {
    if (typeof reason !== 'string' || reason.trim().length === 0) throw new Error('unscoped(): give the reason');
    return this.manager;
  }
}

/** The door inside a transaction: reads, and the writes (which only exist here, so a change and its audit commit together). */
export class ScopedTx extends ScopedReads {
  /** @internal Made by ScopedData.transaction. */
  constructor(manager: EntityManager) {
    super(manager);
  }

  /**
   * A bulk load of a table in the transaction: `COPY <table> (<columns>) FROM STDIN` on the transaction's
   * connection (pg-copy-streams); answers the stream to write COPY's text format into. It reads
   * nothing, so it has no scope: say why, as a literal, like `unscoped`. Any other statement is refused.
   * `before`: a DELETE of the rows the load replaces, sent on the connection just ahead of the COPY and
   * not awaited (PostgreSQL runs it while the caller produces the lines); its outcome is the answer's
   * `before` promise (`null` without one). A DELETE sent through `unscoped(…).query` and not awaited
   * reaches the connection after the COPY (TypeORM's query path is asynchronous before it calls pg).
   */
  async copyIn<R extends string>(
    reason: Reason<R>,
    copySql: string,
    before?: { sql: string; params: unknown[] },
  ): Promise<Writable & { before: Promise<unknown> | null }> {
    if (typeof reason !== 'string' || reason.trim().length === 0) throw new Error('copyIn(): give the reason');
    if (!/^COPY\s+\w+\s*(\([\w\s,]*\))?\s+FROM\s+STDIN\s*$/i.test(copySql)) throw new Error('copyIn(): COPY <table> (…) FROM STDIN only');
    if (before && !/^DELETE\s+FROM\s+\w+\s+WHERE\s/i.test(before.sql))
      throw new Error('copyIn(): before is a DELETE FROM <table> WHERE … only');
    const client = (await this.manager.queryRunner!.connect()) as PoolClient;
    const first = before ? client.query(before.sql, before.params) : null;
    first?.catch(() => undefined); // the caller awaits it
    return Object.assign(client.query(copyFrom(copySql)), { before: first });
  }

  private columns(target: EntityTarget<ObjectLiteral>) {
    const metadata = this.manager.connection.getMetadata(target);
    const property = (column: string) => metadata.columns.find((c) => c.databaseName === column)?.propertyName;
    const tenant = property('tenant_id');
    if (!tenant) throw new ScopeViolation(`${metadata.tableName} has no tenant_id: not a tenant table (use unscoped)`);
    return {
      table: metadata.tableName,
      tenant,
      createdBy: property('created_by'),
      updatedBy: property('updated_by'),
      updatedAt: property('updated_at'),
      version: property('version'),
    };
  }

  /**
   * Inserts rows bound to a tenant: each row's `tenantId` if named (it must be one the caller
   * reaches: else ScopeViolation), otherwise the caller's (an admin must name it). `created_by` and
   * `updated_by`, where the table has them, are the caller. Returns the `returning` columns.
   */
  async insert<T extends ObjectLiteral, R extends ObjectLiteral = ObjectLiteral>(
    scope: AccessScope,
    target: EntityTarget<T>,
    values: Partial<T> | Partial<T>[],
    options: InsertOptions = {},
  ): Promise<R[]> {
    const cols = this.columns(target);
    const rows = (Array.isArray(values) ? values : [values]).map((value) => {
      const row: Record<string, unknown> = { ...value };
      row[cols.tenant] = writeTenant(scope, row[cols.tenant] as string | null | undefined, `insert into ${cols.table}`);
      if (cols.createdBy) row[cols.createdBy] = scope.actor.id;
      if (cols.updatedBy) row[cols.updatedBy] = scope.actor.id;
      return row;
    });
    if (rows.length === 0) return [];
    const qb = this.manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows as never);
    if (options.orIgnore) qb.orIgnore();
    if (options.returning) qb.returning(options.returning);
    const result = await qb.execute();
    return (Array.isArray(result.raw) ? result.raw : []) as R[];
  }

  /**
   * Optimistic locking: `UPDATE … SET …, version = version + 1, updated_at = now(), updated_by =
   * <caller> WHERE id AND version AND tenant_id`, and exactly one row must change; otherwise 409
   * STALE_VERSION and nothing is written. (TypeORM's @VersionColumn alone does not enforce this.)
   */
  async updateVersioned<T extends ObjectLiteral>(
    scope: AccessScope,
    target: EntityTarget<T>,
    key: VersionKey,
    changes: Partial<T>,
  ): Promise<void> {
    const cols = this.columns(target);
    if (!cols.version) throw new Error(`updateVersioned: ${cols.table} has no version column`);
    const tenant = writeTenant(scope, key.tenantId, `update of ${cols.table}`);
    const set: Record<string, unknown> = { ...changes, [cols.version]: () => 'version + 1' };
    if (cols.updatedAt) set[cols.updatedAt] = () => 'now()';
    if (cols.updatedBy) set[cols.updatedBy] = scope.actor.id;
    const qb = this.manager
      .createQueryBuilder()
      .update(target)
      .set(set as never)
      .where('id = :id', { id: key.id })
      .andWhere('version = :version', { version: key.version });
    qb.andWhere(tenantEquals(qb, 'tenant_id', tenant));
    const result = await qb.execute();
    if (result.affected !== 1) throw CommonErrors.STALE_VERSION();
  }

  /**
   * Deletes the rows matching `where` (besides the tenant: an empty `where` is refused) in the
   * tenant named in `where.tenantId` (which the caller must reach) or the caller's. Returns the
   * number of rows deleted. For replacing join-table rows (activity_organizations, user_municipalities).
   */
  async delete<T extends ObjectLiteral>(scope: AccessScope, target: EntityTarget<T>, where: Partial<T>): Promise<number> {
    const cols = this.columns(target);
    const { [cols.tenant]: named, ...rest } = where as Record<string, unknown>;
    if (Object.keys(rest).length === 0) throw new Error(`delete from ${cols.table}: name the rows (a condition besides the tenant)`);
    const tenant = writeTenant(scope, named as string | null | undefined, `delete from ${cols.table}`);
    const qb = this.manager.createQueryBuilder().delete().from(target).where(rest);
    qb.andWhere(tenantEquals(qb, 'tenant_id', tenant));
    const result = await qb.execute();
    return result.affected ?? 0;
  }
}

/** The door on the connection pool: reads, transactions, cursor streams. Injected by repositories and services. */
@Injectable()
export class ScopedData extends ScopedReads {
  constructor(private readonly dataSource: DataSource) {
    super(dataSource.manager);
  }

  /** Runs `fn` in one transaction; the handle's reads and writes belong to it. */
  transaction<R>(fn: (tx: ScopedTx) => Promise<R>, isolation?: IsolationLevel): Promise<R> {
    const run = (manager: EntityManager) => fn(new ScopedTx(manager));
    return isolation ? this.dataSource.transaction(isolation, run) : this.dataSource.transaction(run);
  }

  /**
   * The rows of a bound query (optionally in an outer shell, e.g. an ORDER BY), in batches from a
   * server-side cursor in a read-only REPEATABLE READ transaction of its own (`common/database/cursor-stream.ts`).
   */
  stream<R>(
    qb: ScopedSelectQueryBuilder<ObjectLiteral>,
    options: CursorOptions & { shell?: (sql: string) => string } = {},
  ): AsyncGenerator<R[]> {
    requireBound(qb, 'stream');
    const [sql, parameters] = qb.getQueryAndParameters();
    return streamCursor<R>(this.dataSource, (options.shell ?? identity)(sql), parameters, options);
  }
}
