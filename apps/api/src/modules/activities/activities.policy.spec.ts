import type { Role } from '@trama/contracts';
import { DataSource } from 'typeorm';
import { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { ENTITIES } from '../../database/entities';
import { ActivitiesPolicy } from './activities.policy';

const TENANT = '00000000-0000-4000-8000-0000000000aa';
const ACTOR = '00000000-0000-4000-8000-000000000001';

function scopeOf(role: Role, visible: string[] | null, assigned: string[] = []): AccessScope {
  return new AccessScope({ id: ACTOR, email: 'x@trama.test', fullName: 'X', role, tenantId: TENANT }, visible, assigned);
}

/** The readable rule's SQL on alias `a`, as the door writes it (no database: metadata only). */
describe('ActivitiesPolicy.readable', () => {
  let door: ScopedData;
  const policy = new ActivitiesPolicy();
  beforeAll(async () => {
    const dataSource = new DataSource({ type: 'postgres', entities: ENTITIES });
    await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
    door = new ScopedData(dataSource);
  });
  const readable = (scope: AccessScope) => door.select(scope, policy.readable, 'a').select('a.id', 'id');

  it('applies the territory twice on alias a for an innovator and keeps both lists apart', () => {
    // `visible` and `assigned` applied on one alias: with names derived from the alias (`scope_a_munis`)
    // the second list overwrote the first; here both survive, each with its own placeholder
    const qb = readable(scopeOf('innovator', ['m-visible'], ['m-assigned-1', 'm-assigned-2']));
    const [sql, params] = qb.getQueryAndParameters();
    expect(sql).toBe(
      'SELECT "a"."id" AS "id" FROM "activities" "a" WHERE "a"."tenant_id" = $1 AND ("a"."municipality_id" IN ($2)) ' +
        `AND "a"."status" <> 'deleted' AND ("a"."author_id" = $3 OR ("a"."status" <> 'draft' AND "a"."tenant_id" = $4 AND ("a"."municipality_id" IN ($5, $6))))`,
    );
    expect(params).toEqual([TENANT, 'm-visible', ACTOR, TENANT, 'm-assigned-1', 'm-assigned-2']);
    const lists = Object.values(qb.getParameters()).filter(Array.isArray);
    expect(lists).toEqual([['m-visible'], ['m-assigned-1', 'm-assigned-2']]);
  });

  it('is the SQL the innovator’s hot queries were tuned with: own OR colleagues’ non-draft in the assigned municipalities', () => {
    expect(readable(scopeOf('innovator', null, ['m1', 'm2'])).getQueryAndParameters()[0]).toBe(
      'SELECT "a"."id" AS "id" FROM "activities" "a" WHERE "a"."tenant_id" = $1 ' +
        `AND "a"."status" <> 'deleted' AND ("a"."author_id" = $2 OR ("a"."status" <> 'draft' AND "a"."tenant_id" = $3 AND ("a"."municipality_id" IN ($4, $5))))`,
    );
    // without assignments: own activities only
    expect(readable(scopeOf('innovator', null, [])).getQuery()).toMatch(
      /"a"\."author_id" = :scope_\d+ OR \("a"\."status" <> 'draft' AND "a"\."tenant_id" = :scope_\d+ AND 1 = 0\)/,
    );
  });

  it('gives municipality users the approved activities of their territory, coordinators the tenant but deleted drafts', () => {
    expect(readable(scopeOf('municipality', ['m1', 'm2'])).getQueryAndParameters()).toEqual([
      `SELECT "a"."id" AS "id" FROM "activities" "a" WHERE "a"."tenant_id" = $1 AND ("a"."municipality_id" IN ($2, $3)) AND "a"."status" = 'approved'`,
      [TENANT, 'm1', 'm2'],
    ]);
    expect(readable(scopeOf('coordinator', null)).getQueryAndParameters()).toEqual([
      `SELECT "a"."id" AS "id" FROM "activities" "a" WHERE "a"."tenant_id" = $1 AND "a"."status" <> 'deleted'`,
      [TENANT],
    ]);
  });

  it('splits only the innovator’s count, into parts that narrow the readable query', () => {
    expect(policy.countParts(scopeOf('coordinator', null))).toBeNull();
    expect(policy.countParts(scopeOf('innovator', null, []))).toHaveLength(1);
    const parts = policy.countParts(scopeOf('innovator', null, ['m1']))!;
    const [own, colleagues] = parts.map((part) =>
      readable(scopeOf('innovator', null, ['m1']))
        .andWhereRule('a', part)
        .getQuery(),
    );
    expect(own).toMatch(/ AND "a"\."author_id" = :scope_\d+$/);
    expect(colleagues).toMatch(
      / AND "a"\."author_id" <> :scope_\d+ AND "a"\."status" <> 'draft' AND \("a"\."municipality_id" IN \(:\.\.\.scope_\d+\)\)$/,
    );
  });

  it('keeps staff fields and the history from municipality users', () => {
    expect(policy.readsStaffFields(scopeOf('municipality', ['m1']))).toBe(false);
    expect(policy.readsHistory(scopeOf('municipality', ['m1']))).toBe(false);
    expect(policy.readsStaffFields(scopeOf('innovator', null, ['m1']))).toBe(true);
    expect(policy.readsHistory(scopeOf('coordinator', null))).toBe(true);
  });
});
