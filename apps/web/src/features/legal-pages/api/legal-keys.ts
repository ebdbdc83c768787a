/** Query keys of the legal pages: one entry per tenant and page. */
export const legalKeys = {
  all: ['legal-pages'] as const,
  tenants: () => [...legalKeys.all, 'tenants'] as const,
  accessibility: (istatCode: string) => [...legalKeys.all, 'accessibility', istatCode] as const,
  privacy: (istatCode: string) => [...legalKeys.all, 'privacy', istatCode] as const,
};
