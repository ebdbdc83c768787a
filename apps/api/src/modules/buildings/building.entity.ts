import type {
  BuildingAccessibility,
  BuildingCondition,
  BuildingConstraint,
  BuildingCurrentUse,
  BuildingOwnership,
  ReuseStage,
  SuitableUse,
} from '@trama/contracts';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** A building that can be reused (DESIGN.md, Building; docs/buildings.md). */
@Entity({ name: 'buildings' })
export class Building extends BaseRecord {
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'client_hash', type: 'text' })
  clientHash: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Column({ type: 'text' })
  ownership: BuildingOwnership;

  @Column({ type: 'text', nullable: true })
  owner: string | null;

  @Column({ name: 'cadastral_reference', type: 'text', nullable: true })
  cadastralReference: string | null;

  @Column({ name: 'indoor_area_m2', type: 'double precision', nullable: true })
  indoorAreaM2: number | null;

  @Column({ name: 'outdoor_area_m2', type: 'double precision', nullable: true })
  outdoorAreaM2: number | null;

  @Column({ type: 'text' })
  condition: BuildingCondition;

  @Column({ name: 'current_use', type: 'text' })
  currentUse: BuildingCurrentUse;

  @Column({ type: 'text', default: 'unknown' })
  accessibility: BuildingAccessibility;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  constraints: BuildingConstraint[];

  @Column({ name: 'suitable_uses', type: 'text', array: true, default: () => "'{}'" })
  suitableUses: SuitableUse[];

  @Column({ type: 'text', default: 'mapped' })
  stage: ReuseStage;

  @Column({ name: 'opening_date', type: 'date', nullable: true })
  openingDate: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'internal_notes', type: 'text', nullable: true })
  internalNotes: string | null;

  @Column({ name: 'anbsc_code', type: 'text', nullable: true })
  anbscCode: string | null;

  @Column({ name: 'confiscation_decree_date', type: 'date', nullable: true })
  confiscationDecreeDate: string | null;

  @Column({ name: 'last_verified_at', type: 'timestamptz', nullable: true })
  lastVerifiedAt: Date | null;

  @Column({ name: 'last_verified_by', type: 'uuid', nullable: true })
  lastVerifiedBy: string | null;
}
