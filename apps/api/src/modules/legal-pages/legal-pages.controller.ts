import { Body, Controller, Get, Param, type PipeTransform, Put } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Public, Roles, Scope } from '../../common/auth/decorators';
import { CommonErrors } from '../../common/errors/app-error';
import { ApiErrors } from '../../common/http/api-errors';
import { ISTAT_TENANT_PATTERN } from '../../common/http/api-schema';
import { AccessibilityStatementDto, UpdateAccessibilityStatementDto } from './dto/accessibility-statement.dto';
import { PublicTenantDto } from './dto/legal-page-meta.dto';
import { PrivacyNoticeDto, UpdatePrivacyNoticeDto } from './dto/privacy-notice.dto';
import { LegalPageErrors } from './legal-pages.errors';
import { LegalPagesService } from './legal-pages.service';

const ISTAT_TENANT = new RegExp(ISTAT_TENANT_PATTERN);

/** A tenant's ISTAT code in the path: anything else cannot exist, so it is the same 404 as an unknown one. */
class TenantCodeParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ISTAT_TENANT.test(value)) throw LegalPageErrors.LEGAL_PAGE_TENANT_NOT_FOUND();
    return value;
  }
}

const TenantCode = () =>
  ApiParam({ name: 'istatCode', schema: { type: 'string', pattern: ISTAT_TENANT_PATTERN, minLength: 3, maxLength: 3 } });

/**
 * The pages read before sign-in: which metropolitan cities there are, and each one's accessibility
 * statement and privacy notice. They reveal nothing else (no user, no record, no author).
 */
@ApiTags('legal-pages')
@Controller('public/tenants')
export class PublicLegalPagesController {
  constructor(private readonly pages: LegalPagesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The metropolitan cities on this platform (ISTAT code and name), for the public pages before sign-in' })
  @ApiExtraModels(PublicTenantDto)
  @ApiOkResponse({
    description: 'by name; a list, not a page',
    schema: { type: 'array', items: { $ref: getSchemaPath(PublicTenantDto) }, maxItems: 1000 },
  })
  listPublicTenants(): Promise<PublicTenantDto[]> {
    return this.pages.listPublicTenants();
  }

  @Get(':istatCode/accessibility-statement')
  @Public()
  @TenantCode()
  @ApiOperation({ summary: "A metropolitan city's accessibility statement (AgID model); its default text until a coordinator saves it" })
  @ApiOkResponse({ type: AccessibilityStatementDto })
  @ApiErrors(LegalPageErrors.LEGAL_PAGE_TENANT_NOT_FOUND)
  getAccessibilityStatement(@Param('istatCode', new TenantCodeParam()) istatCode: string): Promise<AccessibilityStatementDto> {
    return this.pages.getAccessibilityStatement(istatCode);
  }

  @Get(':istatCode/privacy-notice')
  @Public()
  @TenantCode()
  @ApiOperation({ summary: "A metropolitan city's privacy notice (GDPR art. 13); its default text until a coordinator saves it" })
  @ApiOkResponse({ type: PrivacyNoticeDto })
  @ApiErrors(LegalPageErrors.LEGAL_PAGE_TENANT_NOT_FOUND)
  getPrivacyNotice(@Param('istatCode', new TenantCodeParam()) istatCode: string): Promise<PrivacyNoticeDto> {
    return this.pages.getPrivacyNotice(istatCode);
  }
}

/** Editing the pages: a tenant's coordinators (admins: any tenant). */
@ApiTags('legal-pages')
@Controller('tenants/:istatCode')
export class LegalPagesController {
  constructor(private readonly pages: LegalPagesService) {}

  @Put('accessibility-statement')
  @Roles('coordinator')
  @TenantCode()
  @ApiOperation({ summary: "Replace your metropolitan city's accessibility statement (coordinators; admins: any city)" })
  @ApiOkResponse({ type: AccessibilityStatementDto })
  @ApiErrors(LegalPageErrors.LEGAL_PAGE_TENANT_NOT_FOUND, LegalPageErrors.ACCESSIBILITY_REVIEW_BEFORE_PREPARED, CommonErrors.STALE_VERSION)
  updateAccessibilityStatement(
    @Scope() scope: AccessScope,
    @Param('istatCode', new TenantCodeParam()) istatCode: string,
    @Body() body: UpdateAccessibilityStatementDto,
  ): Promise<AccessibilityStatementDto> {
    return this.pages.updateAccessibilityStatement(scope, istatCode, body);
  }

  @Put('privacy-notice')
  @Roles('coordinator')
  @TenantCode()
  @ApiOperation({ summary: "Replace your metropolitan city's privacy notice (coordinators; admins: any city)" })
  @ApiOkResponse({ type: PrivacyNoticeDto })
  @ApiErrors(LegalPageErrors.LEGAL_PAGE_TENANT_NOT_FOUND, CommonErrors.STALE_VERSION)
  updatePrivacyNotice(
    @Scope() scope: AccessScope,
    @Param('istatCode', new TenantCodeParam()) istatCode: string,
    @Body() body: UpdatePrivacyNoticeDto,
  ): Promise<PrivacyNoticeDto> {
    return this.pages.updatePrivacyNotice(scope, istatCode, body);
  }
}
