import { HealthModule } from './health/health.module';

/** The feature modules of the API. A new feature adds its module here. */
export const FEATURE_MODULES = [HealthModule];
