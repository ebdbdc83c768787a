import { ActivitiesModule } from './activities/activities.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BuildingsModule } from './buildings/buildings.module';
import { FilesModule } from './files/files.module';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { InitiativesModule } from './initiatives/initiatives.module';
import { LegalPagesModule } from './legal-pages/legal-pages.module';
import { MapModule } from './map/map.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ProjectsModule } from './projects/projects.module';
import { SeedModule } from './seed/seed.module';
import { StaffOutputModule } from './staff-output/staff-output.module';
import { SyncModule } from './sync/sync.module';
import { TenantLogoModule } from './tenant-logo/tenant-logo.module';
import { TenantsModule } from './tenants/tenants.module';
import { TerritoryModule } from './territory/territory.module';
import { UsersModule } from './users/users.module';

/** The feature modules of the API. A new feature adds its module here. */
export const FEATURE_MODULES = [
  HealthModule,
  TenantsModule,
  TerritoryModule,
  SeedModule,
  AuthModule,
  UsersModule,
  AuditModule,
  OrganizationsModule,
  ActivitiesModule,
  StaffOutputModule,
  HomeModule,
  LegalPagesModule,
  FilesModule,
  TenantLogoModule,
  InitiativesModule,
  BuildingsModule,
  MapModule,
  ProjectsModule,
  IndicatorsModule,
  SyncModule,
];
