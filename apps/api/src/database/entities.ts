import { BuildingAssignment } from '../modules/buildings/building-assignment.entity';
import { BuildingStageChange } from '../modules/buildings/building-stage-change.entity';
import { Building } from '../modules/buildings/building.entity';
import { AuditEntry } from '../common/audit/audit-entry.entity';
import { ActivityOrganization } from '../modules/activities/activity-organization.entity';
import { ActivityReview } from '../modules/activities/activity-review.entity';
import { Activity } from '../modules/activities/activity.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import {
  Initiative,
  InitiativeMunicipality,
  InitiativeOrganization,
  InitiativeStatusChange,
} from '../modules/initiatives/initiative.entity';
import { PROJECT_ENTITIES } from '../modules/projects/project.entity';
import { IndicatorDefinition, IndicatorTarget, IndicatorValue } from '../modules/indicators/indicator.entity';
import { LegalPage } from '../modules/legal-pages/legal-page.entity';
import { StoredFile } from '../modules/files/stored-file.entity';
import { Organization } from '../modules/organizations/organization.entity';
import { Tenant } from '../modules/tenants/tenant.entity';
import { Municipality } from '../modules/territory/municipality.entity';
import { MunicipalityPopulation } from '../modules/territory/municipality-population.entity';
import { SocialArea } from '../modules/territory/social-area.entity';
import { UserMunicipality } from '../modules/users/user-municipality.entity';
import { User } from '../modules/users/user.entity';
import { SyncDevice } from '../modules/sync/sync-device.entity';

/** Every entity of the API. Add a feature's entities here. */
export const ENTITIES = [
  AuditEntry,
  Tenant,
  SocialArea,
  Municipality,
  User,
  UserMunicipality,
  RefreshToken,
  Organization,
  Activity,
  ActivityOrganization,
  ActivityReview,
  LegalPage,
  StoredFile,
  Initiative,
  InitiativeMunicipality,
  InitiativeOrganization,
  InitiativeStatusChange,
  Building,
  BuildingStageChange,
  BuildingAssignment,
  ...PROJECT_ENTITIES,
  MunicipalityPopulation,
  SyncDevice,
  IndicatorDefinition,
  IndicatorTarget,
  IndicatorValue,
];
