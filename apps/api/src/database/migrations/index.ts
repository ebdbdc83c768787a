import { Foundation1764000000000 } from './1764000000000-foundation';
import { Organizations1764300000000 } from './1764300000000-organizations';
import { Activities1764300000001 } from './1764300000001-activities';
import { StaffOutputIndexes1764310000000 } from './1764310000000-staff-output-indexes';
import { ActivitiesThemesInIndexes1764320000000 } from './1764320000000-activities-themes-in-indexes';
import { ActivitiesReviewQueueIndex1764330000000 } from './1764330000000-activities-review-queue-index';
import { ActivitiesTypeThemeIndexes1764340000000 } from './1764340000000-activities-type-theme-indexes';
import { ActivitiesMunicipalityIndexThemes1764340000001 } from './1764340000001-activities-municipality-index-themes';
import { TenantBoundReferences1764400000000 } from './1764400000000-tenant-bound-references';
import { SharedSignInState1764417000000 } from './1764417000000-shared-sign-in-state';
import { Accounts1764510000000 } from './1764510000000-accounts';
import { ActivityReviewsAndDrafts1764520000000 } from './1764520000000-activity-reviews-and-drafts';
import { ActivitiesReturnedIndex1764530000000 } from './1764530000000-activities-returned-index';
import { LegalPages1764550000000 } from './1764550000000-legal-pages';
import { Files1764500000000 } from './1764500000000-files';
import { Buildings1764600000000 } from './1764600000000-buildings';
import { OrganizationsRegister1764610000000 } from './1764610000000-organizations-register';
import { Initiatives1764620000000 } from './1764620000000-initiatives';
import { BuildingLinks1764620000001 } from './1764620000001-building-links';
import { ActivitiesPointIndex1764630000000 } from './1764630000000-activities-point-index';
import { Indicators1764700000000 } from './1764700000000-indicators';
import { Projects1764710000000 } from './1764710000000-projects';
import { MapMercatorCells1764720000000 } from './1764720000000-map-mercator-cells';
import { ListOrderCoveringIndexes1764720000001 } from './1764720000001-list-order-covering-indexes';
import { VacuumMapLayers1764720000002 } from './1764720000002-vacuum-map-layers';
import { IndicatorRollup1764730000000 } from './1764730000000-indicator-rollup';
import { IndicatorRegisterMonths1764740000000 } from './1764740000000-indicator-register-months';
import { Collaborations1764760000000 } from './1764760000000-collaborations';
import { IndicatorActivityAllTypes1764740000001 } from './1764740000001-indicator-activity-all-types';
import { Reuse1764750000000 } from './1764750000000-reuse';
import { SyncDevices1764770000000 } from './1764770000000-sync-devices';
import { FileClientId1764780000000 } from './1764780000000-file-client-id';
import { ReuseScoresLight1764790000000 } from './1764790000000-reuse-scores-light';
import { MapVersions1764810000000 } from './1764810000000-map-versions';
import { CollaborationOpenIndex1764800000000 } from './1764800000000-collaboration-open-index';
import { RegisterSearchText1764820000000 } from './1764820000000-register-search-text';
import { VacuumRegisters1764820000001 } from './1764820000001-vacuum-registers';
import { OrganizationsCountIndex1764820000002 } from './1764820000002-organizations-count-index';
import { CollaborationOutcomeInitiativeStatus1764830000000 } from './1764830000000-collaboration-outcome-initiative-status';
import { ActivitiesMapDateIndex1764830000001 } from './1764830000001-activities-map-date-index';
import { CollaborationLinks1764850000000 } from './1764850000000-collaboration-links';
import { CollaborationCompactReasons1764860000000 } from './1764860000000-collaboration-compact-reasons';
import { CollaborationOpenSuggestions1764870000000 } from './1764870000000-collaboration-open-suggestions';
import { CollaborationVersions1764880000000 } from './1764880000000-collaboration-versions';
import { CollaborationNoCurrent1764890000000 } from './1764890000000-collaboration-no-current';
import { CollaborationOpenSkipLocked1764890000001 } from './1764890000001-collaboration-open-skip-locked';
import { CollaborationOpenOrganizationIndex1764890000002 } from './1764890000002-collaboration-open-organization-index';

/** Every migration, in order. The API is bundled-free but explicit lists keep the CLI and the app identical. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Organizations1764300000000,
  Activities1764300000001,
  StaffOutputIndexes1764310000000,
  ActivitiesThemesInIndexes1764320000000,
  ActivitiesReviewQueueIndex1764330000000,
  ActivitiesTypeThemeIndexes1764340000000,
  ActivitiesMunicipalityIndexThemes1764340000001,
  TenantBoundReferences1764400000000,
  SharedSignInState1764417000000,
  Accounts1764510000000,
  ActivityReviewsAndDrafts1764520000000,
  ActivitiesReturnedIndex1764530000000,
  LegalPages1764550000000,
  Files1764500000000,
  Buildings1764600000000,
  OrganizationsRegister1764610000000,
  Initiatives1764620000000,
  BuildingLinks1764620000001,
  ActivitiesPointIndex1764630000000,
  Indicators1764700000000,
  Projects1764710000000,
  MapMercatorCells1764720000000,
  ListOrderCoveringIndexes1764720000001,
  VacuumMapLayers1764720000002,
  IndicatorRollup1764730000000,
  IndicatorRegisterMonths1764740000000,
  IndicatorActivityAllTypes1764740000001,
  Reuse1764750000000,
  Collaborations1764760000000,
  SyncDevices1764770000000,
  FileClientId1764780000000,
  ReuseScoresLight1764790000000,
  CollaborationOpenIndex1764800000000,
  MapVersions1764810000000,
  RegisterSearchText1764820000000,
  VacuumRegisters1764820000001,
  OrganizationsCountIndex1764820000002,
  CollaborationOutcomeInitiativeStatus1764830000000,
  ActivitiesMapDateIndex1764830000001,
  CollaborationLinks1764850000000,
  CollaborationCompactReasons1764860000000,
  CollaborationOpenSuggestions1764870000000,
  CollaborationVersions1764880000000,
  CollaborationNoCurrent1764890000000,
  CollaborationOpenSkipLocked1764890000001,
  CollaborationOpenOrganizationIndex1764890000002,
];
