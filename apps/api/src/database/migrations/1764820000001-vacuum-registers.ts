import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 1764820000000 rewrote the three registers (a stored column each): their visibility maps are empty
 * until autovacuum visits them, and the lists' index-only page ids and counts would read the heap
 * meanwhile. As 1764720000002: VACUUM outside a transaction. Idempotent.
 */
export class VacuumRegisters1764820000001 implements MigrationInterface {
  name = 'VacuumRegisters1764820000001';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`VACUUM (ANALYZE) buildings, organizations, initiatives`);
  }

  async down(): Promise<void> {
    // nothing to undo
  }
}
