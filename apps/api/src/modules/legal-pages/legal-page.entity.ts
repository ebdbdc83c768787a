import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

export const LEGAL_PAGE_KINDS = ['accessibility', 'privacy'] as const;
export type LegalPageKind = (typeof LEGAL_PAGE_KINDS)[number];

/**
 * A tenant's accessibility statement or privacy notice, once a coordinator has saved it (until
 * then the page shows the default derived for the tenant). One row per tenant and kind; `content`
 * holds the page's structured fields as validated by its DTO.
 */
@Entity({ name: 'legal_pages' })
export class LegalPage extends BaseRecord {
  @Column({ type: 'text' })
  kind: LegalPageKind;

  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;
}
