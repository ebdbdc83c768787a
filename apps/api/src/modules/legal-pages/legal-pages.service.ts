import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { CommonErrors } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TenantsService } from '../tenants/tenants.service';
import type { AccessibilityStatementDto, UpdateAccessibilityStatementDto } from './dto/accessibility-statement.dto';
import type { LegalPageMetaDto, PublicTenantDto } from './dto/legal-page-meta.dto';
import type { PrivacyNoticeDto, UpdatePrivacyNoticeDto } from './dto/privacy-notice.dto';
import { defaultAccessibilityStatement, defaultPrivacyNotice } from './legal-defaults';
import type { LegalPageKind } from './legal-page.entity';
import { LegalPageErrors } from './legal-pages.errors';
import { LegalPagesRepository } from './legal-pages.repository';

/** The name of each kind in the audit log. */
const AUDIT_ENTITY: Record<LegalPageKind, string> = { accessibility: 'accessibility_statement', privacy: 'privacy_notice' };

const today = () => new Date().toISOString().slice(0, 10);

/** The fields of a request without its version, as plain JSON (what `content` stores). */
function contentOf<T extends { version: number }>(body: T): Omit<T, 'version'> {
  const { version: _version, ...content } = body;
  return JSON.parse(JSON.stringify(content)) as Omit<T, 'version'>;
}

/**
 * A tenant's accessibility statement (AgID model) and privacy notice (GDPR art. 13): read by
 * anyone, before sign-in, by the tenant's ISTAT code; edited by the tenant's coordinators (admins:
 * any tenant) with optimistic locking, every save audited in its transaction. Until the first
 * save the pages show a default derived from the tenant (`meta.isDefault`, version 0).
 */
@Injectable()
export class LegalPagesService {
  constructor(
    private readonly door: ScopedData,
    private readonly pages: LegalPagesRepository,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  listPublicTenants(): Promise<PublicTenantDto[]> {
    return this.tenants.listPublic();
  }

  async getAccessibilityStatement(istatCode: string): Promise<AccessibilityStatementDto> {
    return this.read(istatCode, 'accessibility', (tenant) => defaultAccessibilityStatement(tenant, this.config.appOrigin, today()));
  }

  async getPrivacyNotice(istatCode: string): Promise<PrivacyNoticeDto> {
    return this.read(istatCode, 'privacy', (tenant) => defaultPrivacyNotice(tenant, today()));
  }

  async updateAccessibilityStatement(
    scope: AccessScope,
    istatCode: string,
    body: UpdateAccessibilityStatementDto,
  ): Promise<AccessibilityStatementDto> {
    if (body.lastReviewedOn < body.preparedOn) {
      throw LegalPageErrors.ACCESSIBILITY_REVIEW_BEFORE_PREPARED(undefined, [
        { field: 'lastReviewedOn', messages: ['lastReviewedOn must not be earlier than preparedOn'] },
      ]);
    }
    await this.save(scope, istatCode, 'accessibility', body);
    return this.getAccessibilityStatement(istatCode);
  }

  async updatePrivacyNotice(scope: AccessScope, istatCode: string, body: UpdatePrivacyNoticeDto): Promise<PrivacyNoticeDto> {
    await this.save(scope, istatCode, 'privacy', body);
    return this.getPrivacyNotice(istatCode);
  }

  private async read<T extends object>(
    istatCode: string,
    kind: LegalPageKind,
    fallback: (tenant: PublicTenantDto) => T,
  ): Promise<T & { meta: LegalPageMetaDto }> {
    const tenant = await this.tenants.findPublic(istatCode);
    if (!tenant) throw LegalPageErrors.LEGAL_PAGE_TENANT_NOT_FOUND();
    const ref = { istatCode: tenant.istatCode, name: tenant.name };
    const row = await this.pages.findPublished(tenant.id, kind);
    // A field added after the page was saved shows its default until the next save.
    const content = row ? { ...fallback(ref), ...(row.content as Partial<T>) } : fallback(ref);
    return {
      ...content,
      meta: {
        tenant: ref,
        version: row?.version ?? 0,
        isDefault: !row,
        updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
      },
    };
  }

  private async save(scope: AccessScope, istatCode: string, kind: LegalPageKind, body: { version: number }): Promise<void> {
    scope.requireRole('coordinator');
    // Coordinators reach their own tenant only (admins: any): another one is not found.
    const tenant = await this.tenants.findTenant(scope, istatCode);
    if (!tenant) throw LegalPageErrors.LEGAL_PAGE_TENANT_NOT_FOUND();
    const content = contentOf(body);
    await this.door.transaction(async (tx) => {
      const existing = await this.pages.findForUpdate(tx, scope, tenant.id, kind);
      let id: string;
      if (!existing) {
        if (body.version !== 0) throw CommonErrors.STALE_VERSION();
        const inserted = await this.pages.insert(tx, scope, tenant.id, kind, content);
        if (!inserted) throw CommonErrors.STALE_VERSION();
        id = inserted;
      } else {
        id = existing.id;
        await this.pages.update(tx, scope, { id, version: body.version, tenantId: tenant.id }, content);
      }
      await this.audit.record(tx, scope, {
        tenantId: tenant.id,
        entity: AUDIT_ENTITY[kind],
        entityId: id,
        action: existing ? 'update' : 'create',
        before: existing?.content ?? null,
        after: content,
      });
    });
  }
}
