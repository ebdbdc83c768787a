import { TenantLogoSettings } from '../../features/tenant-logo/components/tenant-logo-settings';

export function TenantLogoRoute() {
  return <TenantLogoSettings />;
}
