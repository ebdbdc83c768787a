import type { Role } from '@trama/contracts';

/** Who edits the legal pages: a tenant's coordinators (their own tenant's), admins (any). The server decides; this hides what would be refused. */
export const LEGAL_EDITOR_ROLES: readonly Role[] = ['admin', 'coordinator'];

export function canEditLegalPages(
  user: { role: Role; tenant: { istatCode: string } | null } | null | undefined,
  istatCode: string,
): boolean {
  if (!user) return false;
  return user.role === 'admin' || (user.role === 'coordinator' && user.tenant?.istatCode === istatCode);
}

/** The paths of the two pages (Italian: they are user-facing). */
export const LEGAL_PATHS = { accessibility: '/accessibilita', privacy: '/privacy' } as const;
export type LegalPageName = keyof typeof LEGAL_PATHS;
