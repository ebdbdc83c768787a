import { useTranslation } from 'react-i18next';

/**
 * Whose Trama this is, in the header: the signed-in user's metropolitan city, or "Piattaforma" for
 * a platform admin (who belongs to none). A logo of the city goes beside the name.
 */
export function TenantBrand({ tenant }: { tenant: { name: string } | null }) {
  const { t } = useTranslation();
  return (
    <span className="brand__tenant tenant-brand">
      <span className="tenant-brand__name">{tenant?.name ?? t('app.platform')}</span>
    </span>
  );
}
