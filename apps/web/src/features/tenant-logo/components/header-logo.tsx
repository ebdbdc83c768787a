import { useFileUrl } from '../../../lib/files/use-file-url';
import { tenantLogoPath, useTenantLogo } from '../api/tenant-logo';
import '../tenant-logo.css';

/**
 * The tenant's logo for the header, beside the tenant's name (which names it: the image is
 * decorative, `alt=""`). Nothing while loading, without a logo, or for an admin (no tenant).
 */
export function HeaderLogo({ hasTenant }: { hasTenant: boolean }) {
  const logo = useTenantLogo(hasTenant).data?.logo ?? null;
  const { url } = useFileUrl(logo ? tenantLogoPath(logo.id) : null);
  if (!logo || !url) return null;
  return <img className="header-logo" src={url} alt="" width={logo.width ?? undefined} height={logo.height ?? undefined} />;
}
