import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** A tenant's weights of the collaboration model (no row: the defaults). Version 0: a row holding the defaults. */
@Entity({ name: 'collaboration_settings' })
export class CollaborationSettings extends BaseRecord {
  @Column({ type: 'jsonb' }) weights: Record<string, number>;
  @Column({ name: 'half_life_months', type: 'int' }) halfLifeMonths: number;
  @Column({ name: 'max_hops', type: 'int' }) maxHops: number;
  @Column({ name: 'min_score', type: 'int' }) minScore: number;
}

/** A suggested pair of organizations, one row per pair for ever (docs/collaborations.md). */
@Entity({ name: 'collaboration_suggestions' })
export class CollaborationSuggestion extends BaseRecord {
  @Column({ name: 'organization_a', type: 'uuid' }) organizationA: string;
  @Column({ name: 'organization_b', type: 'uuid' }) organizationB: string;
  @Column({ name: 'municipality_a', type: 'uuid' }) municipalityA: string;
  @Column({ name: 'municipality_b', type: 'uuid' }) municipalityB: string;
  @Column({ type: 'text', array: true }) themes: string[];
  @Column({ type: 'real' }) score: number;
  /** the reasons as written before migration 1764860000000 (null once the pair is computed again) */
  @Column({ type: 'jsonb', nullable: true }) reasons: unknown;
  /** the reasons in the short form of `model/reason-codec.ts` */
  @Column({ name: 'reasons_text', type: 'text', nullable: true }) reasonsText: string | null;
  /** md5 of `reasonsKey(reasons)` (a dismissed pair comes back when it changes) */
  @Column({ name: 'reasons_key', type: 'text' }) reasonsKey: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'dismiss_reason', type: 'text', nullable: true }) dismissReason: string | null;
  @Column({ name: 'dismissed_key', type: 'text', nullable: true }) dismissedKey: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'activity_id', type: 'uuid', nullable: true }) activityId: string | null;
  @Column({ name: 'suggested_at', type: 'timestamptz' }) suggestedAt: Date;
  @Column({ name: 'collaborated_at', type: 'timestamptz', nullable: true }) collaboratedAt: Date | null;
  @Column({ name: 'collaboration_municipality_id', type: 'uuid', nullable: true }) collaborationMunicipalityId: string | null;
}

/** The background recompute of a tenant's suggestions. */
@Entity({ name: 'collaboration_runs' })
export class CollaborationRun {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'requested_version', type: 'int' }) requestedVersion: number;
  @Column({ name: 'computed_version', type: 'int' }) computedVersion: number;
  @Column({ type: 'text' }) state: string;
  @Column({ type: 'real' }) progress: number;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column({ name: 'duration_ms', type: 'int', nullable: true }) durationMs: number | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ type: 'int' }) suggestions: number;
}
