import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { CommonErrors } from '../errors/app-error';

/**
 * Optimistic locking: `UPDATE … SET …, version = version + 1 WHERE id = $1 AND tenant_id = $2
 * AND version = $3`, and exactly one row must change. A stale version is a 409 and nothing is
 * written. (TypeORM's @VersionColumn alone does not enforce this on save.)
 * @deprecated use the door's `tx.updateVersioned(scope, Entity, { id, version, tenantId }, changes)`
 * (binds the tenant from the scope, stamps updated_by); kept for users and territory until they move.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  key: { id: string; tenantId: string | null; version: number },
  changes: Partial<T>,
  idColumn = 'id',
): Promise<void> {
  const qb = manager
    .createQueryBuilder()
    .update(target)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where(`${idColumn} = :id`, { id: key.id })
    .andWhere('version = :version', { version: key.version });
  if (key.tenantId !== null) qb.andWhere('tenant_id = :tenantId', { tenantId: key.tenantId });
  const result = await qb.execute();
  if (result.affected !== 1) throw CommonErrors.STALE_VERSION();
}
