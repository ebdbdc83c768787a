import type { RequestBodyOf, ResponseOf } from '@trama/api-client';

export type PublicTenant = ResponseOf<'listPublicTenants'>[number];
export type AccessibilityStatement = ResponseOf<'getAccessibilityStatement'>;
export type PrivacyNotice = ResponseOf<'getPrivacyNotice'>;
export type UpdateAccessibilityStatementRequest = RequestBodyOf<'updateAccessibilityStatement'>;
export type UpdatePrivacyNoticeRequest = RequestBodyOf<'updatePrivacyNotice'>;
export type LocalizedText = AccessibilityStatement['siteInfo'];
