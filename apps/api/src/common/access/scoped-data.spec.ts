import type { Role } from '@trama/contracts';
import { Brackets, DataSource } from 'typeorm';
import { ENTITIES } from '../../database/entities';
import { ActivityOrganization } from '../../modules/activities/activity-organization.entity';
import { Activity } from '../../modules/activities/activity.entity';
import { AccessScope } from './access-scope';
import { ScopedData, ScopedTx } from './scoped-data';
import { type Predicate, ScopeViolation } from './scope-rules';

/**
 * The door's SQL, without a database: queries are built and inspected (getQueryAndParameters),
 * writes are refused before any SQL is sent. What runs against PostgreSQL is in scoped-data.int-spec.ts.
 */
const TENANT = '00000000-0000-4000-8000-0000000000aa';
const OTHER_TENANT = '00000000-0000-4000-8000-0000000000bb';
const ACTOR = '00000000-0000-4000-8000-000000000001';

function scopeOf(role: Role, visible: string[] | null, assigned: string[] = [], tenantId: string | null = TENANT): AccessScope {
  return new AccessScope(
    { id: ACTOR, email: 'x@trama.test', fullName: 'X', role, tenantId: role === 'admin' ? null : tenantId },
    visible,
    assigned,
  );
}

/** The lists among a query's parameters (in order). */
function lists(params: unknown[]): unknown[][] {
  return params.filter((p): p is unknown[] => Array.isArray(p));
}

describe('ScopedData (the door): SQL it builds', () => {
  let dataSource: DataSource;
  let door: ScopedData;

  beforeAll(async () => {
    // metadata only: nothing connects
    dataSource = new DataSource({ type: 'postgres', entities: ENTITIES });
    await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
    door = new ScopedData(dataSource);
  });

  it('binds a select to the caller’s tenant', () => {
    const [sql, params] = door.select(scopeOf('coordinator', null), 'organizations', 'o').select('o.id', 'id').getQueryAndParameters();
    expect(sql).toBe('SELECT "o"."id" AS "id" FROM "organizations" "o" WHERE "o"."tenant_id" = $1');
    expect(params).toEqual([TENANT]);
  });

  it('keeps both lists when two territory rules are applied on one alias (parameter names are unique)', () => {
    // a scope with both lists: the rule `visible` and the rule `assigned` bind different municipalities
    const scope = scopeOf('innovator', ['m-visible'], ['m-assigned-1', 'm-assigned-2']);
    const qb = door
      .select(scope, Activity, 'a', { municipality: 'a.municipality_id', rule: 'visible' })
      .andWhereRule('a', { municipality: 'a.municipality_id', rule: 'assigned' })
      .select('a.id', 'id');
    const [sql, params] = qb.getQueryAndParameters();
    expect(sql).toBe(
      'SELECT "a"."id" AS "id" FROM "activities" "a" WHERE "a"."tenant_id" = $1 AND ("a"."municipality_id" IN ($2)) AND ("a"."municipality_id" IN ($3, $4))',
    );
    expect(params).toEqual([TENANT, 'm-visible', 'm-assigned-1', 'm-assigned-2']);
    expect(lists(Object.values(qb.getParameters()))).toEqual([['m-visible'], ['m-assigned-1', 'm-assigned-2']]);
  });

  it('binds a subquery with the outer query’s scope, and its parameters land in the outer query', () => {
    const scope = scopeOf('municipality', ['m1', 'm2']);
    const qb = door.select(scope, 'activities', 'a', { municipality: 'a.municipality_id' }).select('a.id', 'id');
    const sub = qb.subquery('municipalities', 'fm').select('fm.id', 'id').andWhere('fm.istat_code = :istat', { istat: '072006' });
    qb.andWhere(`a.municipality_id IN ${sub.getQuery()}`);
    const [sql, params] = qb.getQueryAndParameters();
    expect(sql).toBe(
      'SELECT "a"."id" AS "id" FROM "activities" "a" WHERE "a"."tenant_id" = $1 AND ("a"."municipality_id" IN ($2, $3)) AND "a"."municipality_id" IN ' +
        '(SELECT "fm"."id" AS "id" FROM "municipalities" "fm" WHERE "fm"."tenant_id" = $4 AND "fm"."istat_code" = $5)',
    );
    expect(params).toEqual([TENANT, 'm1', 'm2', TENANT, '072006']);
  });

  it('binds a record of several municipalities through its join table (EXISTS), for the rule asked', () => {
    const through = { table: 'test_initiative_municipalities', key: 'initiative_id', municipality: 'municipality_id' };
    const innovator = scopeOf('innovator', null, ['m1', 'm2']);
    const [sql, params] = door
      .select(innovator, 'test_initiatives', 'i', { through, rule: 'assigned' })
      .select('i.id')
      .getQueryAndParameters();
    expect(sql).toMatch(
      // a table without entity: TypeORM leaves `i.id` unquoted
      /^SELECT i\.id FROM "test_initiatives" "i" WHERE i\.tenant_id = \$1 AND EXISTS \(SELECT 1 FROM test_initiative_municipalities (scope_\d+_j) WHERE \1\.tenant_id = i\.tenant_id AND \1\.initiative_id = i\.id AND \1\.municipality_id IN \(\$2, \$3\)\)$/,
    );
    expect(params).toEqual([TENANT, 'm1', 'm2']);
    // the rule `visible` of an innovator is the whole tenant: no EXISTS
    expect(door.select(innovator, 'test_initiatives', 'i', { through }).getQuery()).not.toMatch(/EXISTS/);
  });

  it('fails closed: an empty territory matches nothing, a non-admin without tenant nothing; an admin spans tenants', () => {
    const nowhere = door.select(scopeOf('innovator', null, []), 'activities', 'a', { municipality: 'a.municipality_id', rule: 'assigned' });
    expect(nowhere.getQuery()).toBe(
      'SELECT * FROM "activities" "a" WHERE "a"."tenant_id" = :scope_' + lastParamNumber(nowhere) + ' AND 1 = 0',
    );
    const tenantless = door.select(scopeOf('coordinator', null, [], null), 'activities', 'a');
    expect(tenantless.getQueryAndParameters()[0]).toBe('SELECT * FROM "activities" "a" WHERE 1 = 0');
    const admin = door.select(scopeOf('admin', null), 'activities', 'a', { municipality: 'a.municipality_id' });
    expect(admin.getQueryAndParameters()).toEqual(['SELECT * FROM "activities" "a"', []]);
  });

  it('applies a feature predicate with its own unique parameters, on any alias', () => {
    const rule: Predicate = (c, alias) =>
      c.or(
        `${alias}.author_id = ${c.param(c.scope.actor.id)}`,
        c.and(`${alias}.status <> 'draft'`, c.territory(alias, { municipality: `${alias}.municipality_id`, rule: 'assigned' })),
      );
    const scope = scopeOf('innovator', null, ['m1']);
    const qb = door.select(scope, 'activities', 'a', rule).select('a.id', 'id');
    const sub = qb.subquery('activities', 'b', rule).select('b.id', 'id');
    qb.andWhere(`EXISTS ${sub.getQuery()}`);
    const [sql, params] = qb.getQueryAndParameters();
    expect(sql).toBe(
      'SELECT "a"."id" AS "id" FROM "activities" "a" WHERE "a"."tenant_id" = $1 AND ("a"."author_id" = $2 OR ("a"."status" <> \'draft\' AND ("a"."municipality_id" IN ($3)))) ' +
        'AND EXISTS (SELECT "b"."id" AS "id" FROM "activities" "b" WHERE "b"."tenant_id" = $4 AND ("b"."author_id" = $5 OR ("b"."status" <> \'draft\' AND ("b"."municipality_id" IN ($6)))))',
    );
    expect(params).toEqual([TENANT, ACTOR, 'm1', TENANT, ACTOR, 'm1']);
  });

  it('refuses where(), a top-level orWhere() and whereInIds() on a bound query (they would drop or widen its scope), also on clones', () => {
    const qb = door.select(scopeOf('coordinator', null), 'activities', 'a');
    expect(() => qb.where('a.status = :s', { s: 'draft' })).toThrow(/where\(\) would drop/);
    expect(() => qb.orWhere('1 = 1')).toThrow(/widen/);
    expect(() => qb.clone().where('1 = 1')).toThrow(/where\(\) would drop/);
    expect(() => qb.whereInIds(['x'])).toThrow(/drop/);
    // ORs belong in Brackets, where where()/orWhere() are the builder's own
    qb.andWhere(new Brackets((w) => w.where(`a.status = 'draft'`).orWhere(`a.status = 'returned'`)));
    expect(qb.getQuery()).toMatch(/"a"\."tenant_id" = :scope_\d+ AND \("a"\."status" = 'draft' OR "a"\."status" = 'returned'\)$/);
    expect(qb.clone().isBound).toBe(true);
  });

  it('runs raw SQL only around a bound query', async () => {
    const plain = dataSource.createQueryBuilder().from('activities', 'a');
    await expect(door.run(plain as never, (sql) => `SELECT count(*) FROM (${sql}) c`)).rejects.toThrow(ScopeViolation);
    expect(() => door.stream(plain as never)).toThrow(ScopeViolation);
  });

  it('asks a reason for every exit', () => {
    expect(door.unscoped('no tenant table: a dictionary lookup')).toBe(dataSource.manager);
    // @ts-expect-error an empty reason does not compile
    expect(() => door.unscoped('')).toThrow(/reason/);
    const reason: string = '   ';
    // @ts-expect-error a reason that is not a literal does not compile
    expect(() => door.unscoped(reason)).toThrow(/reason/);
  });
});

describe('ScopedTx (the door’s writes): refused before any SQL', () => {
  let tx: ScopedTx;
  beforeAll(async () => {
    const dataSource = new DataSource({ type: 'postgres', entities: ENTITIES });
    await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
    // not connected: any SQL sent would fail with another error than the ones expected here
    tx = new ScopedTx(dataSource.manager);
  });

  it('refuses an insert into a tenant the caller cannot reach', async () => {
    const link = { activityId: 'a1', organizationId: 'o1' };
    await expect(tx.insert(scopeOf('coordinator', null), ActivityOrganization, { ...link, tenantId: OTHER_TENANT })).rejects.toThrow(
      /tenant .* outside the caller's scope/,
    );
    await expect(
      tx.insert(scopeOf('coordinator', null), ActivityOrganization, [
        { ...link, tenantId: TENANT },
        { ...link, tenantId: OTHER_TENANT },
      ]),
    ).rejects.toThrow(ScopeViolation);
  });

  it('makes an admin name the tenant of an insert, and lets only admins write platform rows', async () => {
    const link = { activityId: 'a1', organizationId: 'o1' };
    await expect(tx.insert(scopeOf('admin', null), ActivityOrganization, link)).rejects.toThrow(/an admin must name the tenant/);
    await expect(tx.insert(scopeOf('coordinator', null), ActivityOrganization, { ...link, tenantId: null as never })).rejects.toThrow(
      /only admins/,
    );
  });

  it('refuses a delete outside the caller’s tenant, and a delete that names no rows', async () => {
    await expect(
      tx.delete(scopeOf('coordinator', null), ActivityOrganization, { tenantId: OTHER_TENANT, activityId: 'a1' }),
    ).rejects.toThrow(ScopeViolation);
    await expect(tx.delete(scopeOf('coordinator', null), ActivityOrganization, { tenantId: TENANT })).rejects.toThrow(/name the rows/);
    await expect(tx.delete(scopeOf('admin', null), ActivityOrganization, { activityId: 'a1' })).rejects.toThrow(/must name the tenant/);
  });

  it('refuses a versioned update outside the caller’s tenant', async () => {
    await expect(
      tx.updateVersioned(scopeOf('innovator', null, ['m1']), Activity, { id: 'a1', version: 1, tenantId: OTHER_TENANT }, { title: 'x' }),
    ).rejects.toThrow(ScopeViolation);
  });
});

function lastParamNumber(qb: { getParameters(): Record<string, unknown> }): string {
  const names = Object.keys(qb.getParameters()).filter((k) => k.startsWith('scope_'));
  return names[names.length - 1].slice('scope_'.length);
}
