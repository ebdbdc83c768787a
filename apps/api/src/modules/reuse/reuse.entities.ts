import type { ReuseWeights } from '@trama/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** A tenant's weights of the reuse score (one row; none yet: the defaults). Versioned and audited. */
@Entity({ name: 'reuse_weights' })
export class ReuseWeightsRow extends BaseRecord {
  @Column({ type: 'jsonb' })
  weights: ReuseWeights;
}

/** A building's stored score (one `run` of the background recompute at a time). */
@Entity({ name: 'reuse_scores' })
export class ReuseScore {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'building_id', type: 'uuid' })
  buildingId: string;

  @PrimaryColumn({ type: 'int' })
  run: number;

  @Column({ type: 'smallint' })
  score: number;

  /** the score's parts as compact text (`encodeParts` in reuse-score.ts), explained on read */
  @Column({ type: 'text' })
  parts: string;
}

export const REUSE_JOB_STATUSES = ['idle', 'running', 'failed'] as const;

/** The recompute of a tenant's scores: claimed by one replica through its version, with its progress. */
@Entity({ name: 'reuse_jobs' })
export class ReuseJob extends BaseRecord {
  @Column({ type: 'text', default: 'idle' })
  status: (typeof REUSE_JOB_STATUSES)[number];

  /** the run whose scores are stored */
  @Column({ type: 'int', default: 0 })
  run: number;

  /** when a recompute was last asked for (a change of weights, of the data) */
  @Column({ name: 'requested_at', type: 'timestamptz', nullable: true })
  requestedAt: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  /** a running job's last sign of life: older than a minute, another replica may take over */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  total: number | null;

  @Column({ type: 'int', nullable: true })
  done: number | null;

  @Column({ name: 'duration_ms', type: 'int', nullable: true })
  durationMs: number | null;

  /** what the stored scores were computed from (counts and last changes of the data, the weights' version) */
  @Column({ type: 'text', nullable: true })
  fingerprint: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}

export const REUSE_ENTITIES = [ReuseWeightsRow, ReuseScore, ReuseJob];
