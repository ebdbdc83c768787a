import type { OrganizationKind } from '@trama/contracts';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** An organization of the register (DESIGN.md, Organization). Minimal for now; later columns are added by new migrations. */
@Entity({ name: 'organizations' })
export class Organization extends BaseRecord {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  /** codice fiscale / partita IVA, normalised and checksum-verified; unique per tenant */
  @Column({ name: 'tax_code', type: 'text', nullable: true })
  taxCode: string | null;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
